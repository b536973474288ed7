import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_METRICS_TOKEN } from "./metrics-token";

const CHECK_ROUTE = "/api/v1/customers/[externalRef]/consents/[purpose]/check";

/** The sum of a metric's samples whose labels include all of `labels`. */
async function total(request: APIRequestContext, name: string, labels: Record<string, string>) {
  const response = await request.get("/api/metrics", {
    headers: { Authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const lines = text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) && wanted.every((w) => line.includes(w)));
  return { text, value: lines.reduce((sum, line) => sum + Number(line.split(" ").pop()), 0) };
}

test("Prometheus scrapes /api/metrics with its token: requests timed by route, never by a customer's reference", async ({
  request,
}) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect(
    (
      await request.get("/api/metrics", { headers: { Authorization: "Bearer wrong-token" } })
    ).status(),
  ).toBe(401);

  const before = await total(request, "pd_http_request_duration_seconds_count", {
    route: CHECK_ROUTE,
    status: "401",
  });
  const check = await request.get("/api/v1/customers/u-10001/consents/marketing_sms/check");
  expect(check.status()).toBe(401);
  expect(check.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const after = await total(request, "pd_http_request_duration_seconds_count", {
    route: CHECK_ROUTE,
    status: "401",
  });
  expect(after.value).toBe(before.value + 1);
  expect(after.text).not.toContain("u-10001");
  expect(after.text).toContain("pd_database_up 1");
  // The seeded demo has open requests; the gauge reads them across organisations.
  const open = await total(request, "pd_requests_open", {});
  expect(open.value).toBeGreaterThan(0);
});
