import { defineRoute } from "@/lib/core/actions/define-route";
import { rotationHistory } from "@/lib/keys/inventory";

/**
 * The latest rotation's progress, polled by the keys page while it runs: one row read, so the page
 * does not recount every protected value each second.
 */
export const GET = defineRoute("keys.read", async ({ tx, orgId }) => {
  const [latest] = await rotationHistory(tx, orgId, 1);
  const progress = latest
    ? { id: latest.id, status: latest.status, done: latest.done, total: latest.total }
    : null;
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
});
