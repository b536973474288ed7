import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const post = (headers: Record<string, string>) =>
  proxy(
    new NextRequest("http://127.0.0.1:3000/vendors/new", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "next-action": "0123abcd", ...headers },
    }),
  );

describe("proxy", () => {
  it("refuses a server action POST without Origin or Sec-Fetch-Site, with the security headers", async () => {
    const response = await post({});
    expect(response.status).toBe(403);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect((await post({ origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("passes the same request from the site's own pages on to Next", async () => {
    for (const headers of [
      { origin: "http://127.0.0.1:3000" },
      { "sec-fetch-site": "same-origin" },
    ] as Record<string, string>[]) {
      const response = await post(headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });
});
