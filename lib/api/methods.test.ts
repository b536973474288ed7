import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMethodNotAllowed, ROUTE_METHODS, type RouteHandler } from "./methods";
import { allV1RouteFiles } from "./test-support";

async function answer(handler: RouteHandler, method: string) {
  const response = await handler(new Request("http://localhost/api/v1/x", { method }), {
    params: Promise.resolve({ externalRef: "u-1", purpose: "p", path: ["x"] }),
  });
  return { response, body: response.status === 204 ? null : await response.text() };
}

describe("every /api/v1 route file answers every method Next routes to it", async () => {
  const files = allV1RouteFiles();
  it("finds the route files", () => expect(files.length).toBeGreaterThanOrEqual(10));

  for (const file of files) {
    const exports = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<
      string,
      RouteHandler
    >;
    it(`${file}: a problem for each refusal, with the API's headers`, async () => {
      const allowed = new Set<string>();
      for (const method of ROUTE_METHODS) {
        const handler = exports[method];
        expect(handler, `${file} exports ${method}`).toBeTypeOf("function");
        const { response, body } = await answer(handler, method);
        const label = `${method} ${file} → ${response.status}`;
        expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
        expect(response.headers.get("content-security-policy"), label).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
        expect(response.headers.get("cache-control"), label).toBeTruthy();
        if (response.status >= 400) {
          expect(response.headers.get("content-type"), label).toBe("application/problem+json");
          expect(JSON.parse(body!), label).toMatchObject({
            status: response.status,
            type: expect.stringMatching(/^urn:privacy-desk:problem:/),
          });
        }
        if (isMethodNotAllowed(handler)) {
          expect(response.status, label).toBe(405);
          expect(JSON.parse(body!).type).toBe("urn:privacy-desk:problem:method-not-allowed");
          expect(response.headers.get("allow"), label).toMatch(/\bOPTIONS\b/);
        } else {
          expect(response.status, label).not.toBe(405);
          allowed.add(method);
        }
        if (method === "OPTIONS" && response.status === 204)
          expect(response.headers.get("allow"), label).toBeTruthy();
      }
      // Allow names exactly the methods that are not refused.
      for (const method of ROUTE_METHODS) {
        const { response } = await answer(exports[method], method);
        const allow = response.headers.get("allow");
        if (allow)
          expect(allow.split(", ").sort(), `${method} ${file}`).toEqual([...allowed].sort());
      }
    });
  }
});
