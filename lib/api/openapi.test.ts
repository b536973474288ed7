import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { apiRouteScopes, type ApiRoute } from "./define-endpoint";
import { isMethodNotAllowed } from "./methods";
import { endpoints, openApiDocument } from "./openapi";
import { v1RouteFiles } from "./test-support";

const doc = openApiDocument();
const pathOf = (file: string) =>
  file
    .replace(/^app\/api\/v1/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, "{$1}");

describe("the OpenAPI document", () => {
  it("is served publicly as OpenAPI 3.1 with a bearer scheme", async () => {
    const res = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.openapi).toBe("3.1.0");
    expect(body.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: "http", scheme: "bearer" }),
    );
    expect(JSON.stringify(body)).not.toMatch(/https?:\/\//);
  });

  it("describes every /api/v1 route on disk with the scope its handler enforces", async () => {
    for (const file of v1RouteFiles()) {
      const handlers = Object.entries(
        await import(/* @vite-ignore */ join(process.cwd(), file)),
      ).filter(([name, handler]) => /^(GET|POST)$/.test(name) && !isMethodNotAllowed(handler));
      for (const [method, handler] of handlers) {
        const operation = (
          doc.paths[pathOf(file)] as Record<string, { "x-scope": string; security: unknown }>
        )?.[method.toLowerCase()];
        expect(operation, `${method} ${pathOf(file)}`).toBeDefined();
        expect(operation["x-scope"]).toBe(apiRouteScopes.get(handler as ApiRoute));
        expect(operation.security).toEqual([
          { bearerAuth: [apiRouteScopes.get(handler as ApiRoute)] },
        ]);
      }
    }
    expect(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)).toBe(
      endpoints.length,
    );
  });

  it("has request and response schemas and problem+json answers, every $ref resolving", () => {
    const text = JSON.stringify(doc);
    for (const [, id] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(doc.components.schemas, id).toHaveProperty(id);
    const post = (doc.paths["/customers/batch"] as Record<string, Record<string, unknown>>).post;
    expect(post.requestBody).toMatchObject({
      required: true,
      content: {
        "application/json": { schema: { $ref: "#/components/schemas/CustomerBatchRequest" } },
      },
    });
    for (const status of ["400", "401", "403", "413", "422", "429"]) {
      expect(
        (post.responses as Record<string, { content: Record<string, unknown> }>)[status].content,
      ).toHaveProperty("application/problem+json");
    }
    const customerInput = doc.components.schemas.CustomerInput as {
      properties: Record<string, { type?: string; format?: string; maxLength?: number }>;
      required: string[];
    };
    expect(customerInput.required).toEqual(["externalRef"]);
    expect(customerInput.properties.phone).toMatchObject({ type: "string", maxLength: 40 });
    expect(customerInput.properties.lastActiveAt).toEqual({ type: "string", format: "date-time" });
    expect(
      (doc.components.schemas.VoucherInput as { properties: Record<string, { type: string }> })
        .properties.faceValueCents.type,
    ).toBe("integer");
    expect(doc.components.schemas.Problem).toMatchObject({
      properties: { type: { type: "string" }, errors: { type: "array" } },
    });
  });

  it("documents the consent endpoints from their schemas", () => {
    const paths = doc.paths as Record<
      string,
      Record<
        string,
        { "x-scope": string; requestBody?: unknown; responses: Record<string, unknown> }
      >
    >;
    expect(paths["/consent-events"].post["x-scope"]).toBe("consent:write");
    expect(paths["/consent-events"].post.requestBody).toMatchObject({
      content: {
        "application/json": { schema: { $ref: "#/components/schemas/ConsentEventBatchRequest" } },
      },
    });
    expect(paths["/customers/{externalRef}/consents"].get.responses[404]).toBeDefined();
    expect(paths["/customers/{externalRef}/consents/{purpose}/check"].get["x-scope"]).toBe(
      "consent:read",
    );
    const item = doc.components.schemas.ConsentEventInput as {
      properties: Record<string, { enum?: string[] }>;
      required: string[];
    };
    expect(item.required).toEqual(
      expect.arrayContaining(["customerRef", "purpose", "action", "occurredAt", "channel"]),
    );
    expect(item.properties.action.enum).toEqual(["grant", "deny", "withdraw"]);
    const check = doc.components.schemas.ConsentCheck as unknown as {
      properties: { reason: { enum: string[] } };
    };
    expect(check.properties.reason.enum).toEqual(
      expect.arrayContaining([
        "granted",
        "reconsent_required",
        "not_required_consent",
        "unknown_purpose",
      ]),
    );
  });
});
