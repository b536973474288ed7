import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCustomerConsent } from "@/lib/api/consent-endpoints";
import { directRoutes, matchDirectRoute } from "./direct-routes";

const check = "/api/v1/customers/u-10001/consents/marketing_sms/check";

describe("direct routes", () => {
  it("are the route files' own handlers, at the route files' own paths", async () => {
    expect(directRoutes.length).toBeGreaterThan(0);
    for (const route of directRoutes) {
      const file = `app${route.path}/route.ts`;
      expect(existsSync(file), file).toBe(true);
      const exports = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, unknown>;
      expect(exports[route.method], file).toBe(route.handler);
    }
  });

  it("match the consent check with its parameters decoded", () => {
    expect(matchDirectRoute("GET", check)).toEqual({
      handler: checkCustomerConsent,
      params: { externalRef: "u-10001", purpose: "marketing_sms" },
    });
    expect(
      matchDirectRoute("GET", "/api/v1/customers/%E5%BC%A0%20%2F/consents/p%2Dx/check")?.params,
    ).toEqual({ externalRef: "张 /", purpose: "p-x" });
  });

  it("leave everything else to Next", () => {
    for (const [method, path] of [
      ["HEAD", check],
      ["POST", check],
      ["OPTIONS", check],
      [undefined, check],
      ["GET", `${check}/`],
      ["GET", `/x${check}`],
      ["GET", `${check}/more`],
      ["GET", check.replace("/check", "")],
      ["GET", "/api/v1/customers//consents/marketing_sms/check"],
      ["GET", "/api/v1/customers/a/b/consents/marketing_sms/check"],
      ["GET", "/api/v1/customers/%E0%A4%A/consents/marketing_sms/check"],
    ] as const) {
      expect(matchDirectRoute(method, path), `${method} ${path}`).toBeUndefined();
    }
  });
});
