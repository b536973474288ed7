import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the entry our proxies appended, not the client's own claims", () => {
    const headers = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
    expect(clientIp(new Headers(headers), 2)).toBe("198.51.100.1");
  });
  it("a spoofed header cannot move the client into another bucket", () => {
    expect(clientIp({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }, 1)).toBe(clientIp({ "x-forwarded-for": "2.2.2.2, 203.0.113.7" }, 1));
  });
  it("copes with fewer entries than hops and with none", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.7" }, 2)).toBe("203.0.113.7");
    expect(clientIp({}, 1)).toBe("unknown");
  });
});
