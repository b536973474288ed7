import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/core/crypto/aead";
import { DecryptionError } from "@/lib/core/crypto/errors";

const key = randomBytes(32);
const aad = "users.totp_secret:42";

function flipByte(blob: Buffer, index: number): Buffer {
  const copy = Buffer.from(blob);
  copy[index] ^= 0x01;
  return copy;
}

describe("seal/open", () => {
  it("round-trips strings and buffers", () => {
    expect(open(key, seal(key, "héllo wörld", aad), aad).toString("utf8")).toBe("héllo wörld");
    const bytes = randomBytes(1000);
    expect(open(key, seal(key, bytes, aad), aad).equals(bytes)).toBe(true);
  });

  it("round-trips an empty plaintext", () => {
    expect(open(key, seal(key, "", aad), aad).length).toBe(0);
  });

  it("lays the blob out as version | nonce | ciphertext | tag", () => {
    const blob = seal(key, "abc", aad);
    expect(blob[0]).toBe(1);
    expect(blob.length).toBe(1 + 12 + 3 + 16);
  });

  it("uses a fresh nonce for every encryption", () => {
    const blobs = Array.from({ length: 20 }, () => seal(key, "same plaintext", aad));
    const nonces = new Set(blobs.map((b) => b.subarray(1, 13).toString("hex")));
    expect(nonces.size).toBe(blobs.length);
    expect(blobs[0].equals(blobs[1])).toBe(false);
  });

  it.each([
    ["version byte", 0],
    ["nonce", 5],
    ["ciphertext", 14],
    ["tag", -1],
  ])("rejects a tampered %s", (_part, offset) => {
    const blob = seal(key, "secret payload", aad);
    const index = offset < 0 ? blob.length + offset : offset;
    expect(() => open(key, flipByte(blob, index), aad)).toThrow(DecryptionError);
  });

  it("rejects a wrong key", () => {
    const blob = seal(key, "secret", aad);
    expect(() => open(randomBytes(32), blob, aad)).toThrow(DecryptionError);
  });

  it("rejects a wrong AAD", () => {
    const blob = seal(key, "secret", aad);
    expect(() => open(key, blob, "users.totp_secret:43")).toThrow(DecryptionError);
    expect(() => open(key, blob, "")).toThrow(DecryptionError);
  });

  it("rejects truncated blobs, including ones cut inside the tag", () => {
    const blob = seal(key, "secret", aad);
    for (const length of [0, 1, 13, 28, blob.length - 4, blob.length - 1]) {
      expect(() => open(key, blob.subarray(0, length), aad)).toThrow(DecryptionError);
    }
  });

  it("rejects an unknown format version even with a valid remainder", () => {
    const blob = Buffer.from(seal(key, "secret", aad));
    blob[0] = 2;
    expect(() => open(key, blob, aad)).toThrow(DecryptionError);
  });

  it("rejects appended bytes", () => {
    const blob = seal(key, "secret", aad);
    expect(() => open(key, Buffer.concat([blob, Buffer.of(0)]), aad)).toThrow(DecryptionError);
  });

  it("requires a 32-byte key", () => {
    for (const bad of [randomBytes(16), randomBytes(31), randomBytes(33), Buffer.alloc(0)]) {
      expect(() => seal(bad, "x", aad)).toThrow(RangeError);
      expect(() => open(bad, seal(key, "x", aad), aad)).toThrow(RangeError);
    }
  });
});
