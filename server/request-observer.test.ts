import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { log, redirectLogs } from "@/lib/core/log/logger";
import { metrics } from "@/lib/core/metrics/registry";
import { observeRequests } from "./request-observer";
import { routeNamer } from "./route-names";

// A build's routes manifest, as `next build` writes it (the part read here).
const dist = mkdtempSync(join(tmpdir(), "pd-routes-"));
writeFileSync(
  join(dist, "routes-manifest.json"),
  JSON.stringify({
    staticRoutes: [{ page: "/api/health", regex: "^/api/health(?:/)?$" }],
    dynamicRoutes: [
      { page: "/api/v1/customers/[externalRef]", regex: "^/api/v1/customers/([^/]+?)(?:/)?$" },
    ],
  }),
);

let server: Server;
const lines: Array<Record<string, unknown>> = [];
const restore = redirectLogs((line) => void lines.push(JSON.parse(line)));
afterAll(() => {
  restore();
  server?.close();
});

let done = 0;
let waiting: { until: number; resolve: () => void } | undefined;
/** Resolves once the server has finished observing `n` requests in all. */
const observedAll = (n: number) =>
  new Promise<void>((resolve) => (done >= n ? resolve() : (waiting = { until: n, resolve })));

async function start() {
  const observe = observeRequests(routeNamer(dist), () => {
    done += 1;
    if (waiting && done >= waiting.until) waiting.resolve();
  });
  server = createServer((req, res) =>
    observe(req, res, () => {
      log.info({}, "handler ran");
      res.writeHead(req.url?.includes("boom") ? 500 : 200).end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const count = async (route: string, status: string) =>
  (await metrics().requestDuration.get()).values.find(
    (v) =>
      v.metricName === "pd_http_request_duration_seconds_count" &&
      v.labels.route === route &&
      v.labels.status === status,
  )?.value ?? 0;

describe("every request the production server answers", () => {
  it("gets an id, is timed under its route's name (never its values) and logs with that id", async () => {
    const base = await start();
    const before = await count("/api/v1/customers/[externalRef]", "200");
    const first = await fetch(`${base}/api/v1/customers/u-10001`);
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const carried = await fetch(`${base}/api/v1/customers/u-10002`, {
      headers: { "X-Request-Id": "proxy-id-12345" },
    });
    expect(carried.headers.get("x-request-id")).toBe("proxy-id-12345");
    // A caller's id that is not a plain token is replaced, not echoed.
    expect(
      (
        await fetch(`${base}/api/health`, {
          headers: { "X-Request-Id": "<script>alert(1)</script>" },
        })
      ).headers.get("x-request-id"),
    ).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${base}/nowhere/boom`);
    await observedAll(4);

    expect(await count("/api/v1/customers/[externalRef]", "200")).toBe(before + 2);
    expect(await count("/api/health", "200")).toBeGreaterThanOrEqual(1);
    expect(await count("unmatched", "500")).toBeGreaterThanOrEqual(1);
    const text = await metrics().registry.metrics();
    expect(text).not.toContain("u-10001");

    const handled = lines.filter((line) => line.msg === "handler ran").map((line) => line.reqId);
    expect(handled).toEqual(
      expect.arrayContaining([first.headers.get("x-request-id"), "proxy-id-12345"]),
    );
    expect(lines.find((line) => line.msg === "request answered with a server error")).toMatchObject(
      { level: "warn", route: "unmatched", status: 500, method: "GET" },
    );
  });
});
