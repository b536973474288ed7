import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical";
import { GENESIS_HASH, hashEvent } from "./hash";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "x" }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
  it("refuses values JSON cannot represent faithfully", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe("hashEvent", () => {
  const event = {
    orgId: "00000000-0000-0000-0000-000000000001",
    seq: 1,
    occurredAt: "2026-11-28T10:00:00.000Z",
    actorType: "user",
    actorId: "u1",
    action: "vendor.created",
    targetType: "vendor",
    targetId: "v1",
    details: { fields: ["name"] },
    prevHash: GENESIS_HASH,
  };
  it("does not depend on key order or timestamp notation", () => {
    const reordered = {
      ...event,
      details: { fields: ["name"] },
      occurredAt: "2026-11-28 10:00:00+00",
    };
    expect(hashEvent(reordered)).toBe(hashEvent(event));
  });
  it("changes with any covered field", () => {
    for (const change of [
      { seq: 2 },
      { action: "vendor.updated" },
      { details: { fields: ["notes"] } },
      { prevHash: "f".repeat(64) },
    ]) {
      expect(hashEvent({ ...event, ...change })).not.toBe(hashEvent(event));
    }
  });
});
