/**
 * Global Privacy Control support statement (https://privacycg.github.io/gpc-spec/): every
 * organisation's preference center honours `Sec-GPC: 1` as an opt-out of sale and sharing.
 * `lastUpdate` is when this statement last changed, not the request date.
 */
const statement = { gpc: true, lastUpdate: "2026-11-29" };

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(statement, { headers: { "Cache-Control": "public, max-age=86400" } });
}
