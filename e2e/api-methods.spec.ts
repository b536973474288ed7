import { expect, test } from "./fixtures";

// Through the production server and Next's router: a method a route does not implement is a problem, not a bare 405.
test("/api/v1 answers an unsupported method with a 405 problem naming the allowed ones", async ({
  request,
}) => {
  for (const [method, path, allow] of [
    ["PUT", "/api/v1/customers/batch", "OPTIONS, POST"],
    ["GET", "/api/v1/consent-events", "OPTIONS, POST"],
    ["DELETE", "/api/v1/customers/u-10001", "GET, HEAD, OPTIONS"],
    ["POST", "/api/v1/customers/u-10001/consents/marketing_sms/check", "GET, HEAD, OPTIONS"],
    ["PATCH", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"],
  ] as const) {
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    const label = `${method} ${path}`;
    expect(response.status(), label).toBe(405);
    expect(response.headers()["content-type"], label).toBe("application/problem+json");
    expect(response.headers().allow, label).toBe(allow);
    expect(response.headers()["x-content-type-options"], label).toBe("nosniff");
    expect(await response.json(), label).toMatchObject({
      type: "urn:privacy-desk:problem:method-not-allowed",
      status: 405,
    });
  }
  const options = await request.fetch("/api/v1/customers/batch", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("OPTIONS, POST");
});
