import { scrapeMetrics } from "@/lib/core/metrics/scrape";

export const dynamic = "force-dynamic";

/** Prometheus metrics, behind METRICS_TOKEN (lib/core/metrics/scrape.ts). */
export const GET = (request: Request) => scrapeMetrics(request);
