import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/core/env";
import { refreshDatabaseGauges } from "./db-gauges";
import { metrics } from "./registry";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * GET /api/metrics for Prometheus: `Authorization: Bearer <METRICS_TOKEN>`. Without
 * METRICS_TOKEN the endpoint does not exist (404), so a deployment exposes nothing it did not
 * choose to; with it, a missing or wrong token is 401. Compared in constant time.
 */
export async function scrapeMetrics(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const presented =
    /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(token))) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  await refreshDatabaseGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
