import { describe, expect, it } from "vitest";
import { endpoints, openApiDocument } from "./openapi";
import { curlExample, fieldsOf } from "./reference";

const doc = openApiDocument();

describe("the console's API reference", () => {
  it("flattens request fields with their types, requiredness and limits", () => {
    const rows = fieldsOf(doc, { $ref: "#/components/schemas/VoucherBatchRequest" });
    expect(rows[0]).toEqual({
      name: "items",
      type: "object[]",
      required: true,
      notes: "1–1000 items",
    });
    expect(rows.find((r) => r.name === "items[].faceValueCents")).toMatchObject({
      type: "integer",
      required: true,
      notes: expect.stringContaining("fen"),
    });
    expect(rows.find((r) => r.name === "items[].status")).toMatchObject({
      type: "active | listed | transferred | redeemed | expired | refunded",
      required: false,
    });
    expect(rows.find((r) => r.name === "items[].expiresAt")?.type).toBe(
      "string (date-time) | null",
    );
  });

  it("gives a curl example per endpoint with a placeholder token and its example body", () => {
    for (const e of endpoints) {
      const curl = curlExample(e.method, e.path, e.example);
      expect(curl).toContain(`-X ${e.method.toUpperCase()} "$PRIVACY_DESK_URL/api/v1`);
      expect(curl).toContain("Bearer pdk_<prefix>_<secret>");
      if (e.method === "post")
        expect(JSON.parse(curl.slice(curl.indexOf("-d '") + 4, -1))).toEqual(e.example);
    }
  });
});
