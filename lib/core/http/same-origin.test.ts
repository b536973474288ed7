import { describe, expect, it } from "vitest";
import { isSameOriginOrSafe } from "./same-origin";

const check = (method: string, headers: Record<string, string>) =>
  isSameOriginOrSafe(method, new Headers({ host: "desk.example:3000", ...headers }));

describe("isSameOriginOrSafe", () => {
  it("lets safe methods through whatever they carry", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"])
      expect(check(method, { "sec-fetch-site": "cross-site" }), method).toBe(true);
  });

  it("refuses a mutation that carries neither Origin nor Sec-Fetch-Site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      expect(check(method, {}), method).toBe(false);
  });

  it("accepts the browser's same-origin requests", () => {
    expect(check("POST", { "sec-fetch-site": "same-origin" })).toBe(true);
    expect(check("POST", { origin: "http://desk.example:3000" })).toBe(true);
    expect(
      check("POST", { origin: "https://desk.example", "x-forwarded-host": "desk.example" }),
    ).toBe(true);
  });

  it("refuses other sites, sibling subdomains and opaque origins", () => {
    expect(
      check("POST", { "sec-fetch-site": "cross-site", origin: "http://desk.example:3000" }),
    ).toBe(false);
    expect(check("POST", { "sec-fetch-site": "same-site" })).toBe(false);
    expect(check("POST", { origin: "http://evil.example" })).toBe(false);
    expect(check("POST", { origin: "http://desk.example:3001" })).toBe(false);
    expect(check("POST", { origin: "null" })).toBe(false);
    expect(isSameOriginOrSafe("POST", new Headers({ origin: "http://desk.example" }))).toBe(false);
  });
});
