import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/core/crypto/errors";
import {
  decryptField,
  encryptField,
  readFieldHeader,
  type FieldContext,
} from "@/lib/core/crypto/field";
import { FieldKey } from "@/lib/core/crypto/field-key";

const orgId = randomUUID();
const subjectId = randomUUID();
const bytes = randomBytes(32);
const key = new FieldKey({ orgId, kind: "data", id: subjectId, version: 1 }, bytes);
const where: FieldContext = { orgId, table: "customers", column: "phone", rowId: randomUUID() };

// Header (22) | aead version (1) | nonce (12) | ciphertext | tag (16).
const NONCE_AT = 23;

function flipByte(blob: Buffer, index: number): Buffer {
  const copy = Buffer.from(blob);
  copy[index] ^= 0x01;
  return copy;
}

describe("encryptField/decryptField", () => {
  it("round-trips and records the key it was sealed under", () => {
    const blob = encryptField(key, "+8613800138000", where);
    expect(decryptField(key, blob, where)).toBe("+8613800138000");
    expect(readFieldHeader(blob)).toEqual({ kind: "data", id: subjectId, version: 1 });
    expect(blob.includes(Buffer.from("13800138000"))).toBe(false);
  });

  it.each([
    ["format", 0],
    ["key kind", 1],
    ["key id", 10],
    ["key version", 21],
    ["aead version", 22],
    ["nonce", NONCE_AT + 3],
    ["ciphertext", NONCE_AT + 12],
    ["tag", -1],
  ])("rejects a tampered %s", (_part, offset) => {
    const blob = encryptField(key, "张三", where);
    expect(() =>
      decryptField(key, flipByte(blob, offset < 0 ? blob.length + offset : offset), where),
    ).toThrow(DecryptionError);
  });

  it.each([
    ["another row", { rowId: randomUUID() }],
    ["another column", { column: "email" }],
    ["another table", { table: "orders" }],
    ["another organisation", { orgId: randomUUID() }],
  ])("rejects a ciphertext moved to %s", (_case, change) => {
    const blob = encryptField(key, "secret", where);
    expect(() => decryptField(key, blob, { ...where, ...change })).toThrow(DecryptionError);
  });

  it("rejects a wrong key, a wrong key version and a wrong key kind", () => {
    const blob = encryptField(key, "secret", where);
    const other = new FieldKey({ orgId, kind: "data", id: subjectId, version: 1 }, randomBytes(32));
    const nextVersion = new FieldKey({ orgId, kind: "data", id: subjectId, version: 2 }, bytes);
    const otherSubject = new FieldKey({ orgId, kind: "data", id: randomUUID(), version: 1 }, bytes);
    const orgKind = new FieldKey({ orgId, kind: "org", id: subjectId, version: 1 }, bytes);
    for (const wrong of [other, nextVersion, otherSubject, orgKind]) {
      expect(() => decryptField(wrong, blob, where)).toThrow(DecryptionError);
    }
  });

  it("rejects a header rewritten to claim another version, even with the right key bytes", () => {
    const blob = Buffer.from(encryptField(key, "secret", where));
    blob.writeUInt32BE(2, 18);
    const claimed = new FieldKey({ orgId, kind: "data", id: subjectId, version: 2 }, bytes);
    expect(() => decryptField(claimed, blob, where)).toThrow(DecryptionError);
  });

  it("rejects truncated and extended blobs", () => {
    const blob = encryptField(key, "secret", where);
    for (const length of [0, 1, 21, 22, 23, 35, blob.length - 16, blob.length - 1]) {
      expect(() => decryptField(key, blob.subarray(0, length), where)).toThrow(DecryptionError);
    }
    expect(() => decryptField(key, Buffer.concat([blob, Buffer.of(0)]), where)).toThrow(
      DecryptionError,
    );
  });

  it("keeps the key bytes out of logs and JSON", async () => {
    const { inspect } = await import("node:util");
    expect(inspect(key)).not.toContain(bytes.toString("hex").slice(0, 8));
    expect(JSON.stringify(key)).not.toContain(bytes.toString("base64").slice(0, 8));
    expect(JSON.parse(JSON.stringify(key))).toEqual({
      orgId,
      kind: "data",
      id: subjectId,
      version: 1,
    });
  });

  // A fresh nonce per encryption; the million-encryption check is in the vault bench.
  it("draws a fresh nonce for every encryption under one key", () => {
    const count = 10_000;
    const nonces = new Set<string>();
    for (let i = 0; i < count; i++)
      nonces.add(encryptField(key, "same value", where).toString("hex", NONCE_AT, NONCE_AT + 12));
    expect(nonces.size).toBe(count);
  });
});
