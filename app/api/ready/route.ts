import { problemBody, RETRY_AFTER_SECONDS } from "@/lib/api/problem-types";
import { readiness } from "@/lib/core/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness, for deploys and load balancers (lib/core/readiness.ts): 200 when the database
 * answers, its migrations are all applied and a worker's heartbeat is fresh; otherwise 503
 * problem+json with Retry-After, naming the failing checks. No data. /api/health is liveness.
 */
export async function GET() {
  const { ready, checks } = await readiness();
  if (ready)
    return Response.json({ status: "ready", checks }, { headers: { "Cache-Control": "no-store" } });
  const failing = Object.entries(checks)
    .filter(([, c]) => c !== "ok")
    .map(([name]) => name);
  return Response.json(
    { ...problemBody("unavailable", `Not ready: ${failing.join(", ")}.`), checks },
    {
      status: 503,
      headers: {
        "Content-Type": "application/problem+json",
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
      },
    },
  );
}
