import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/core/crypto/kdf";

const master = randomBytes(32);

// Independent HKDF-SHA256 (RFC 5869) for a single output block, to pin the
// exact salt/info layout rather than merely trusting hkdfSync's wiring.
function referenceHkdf(ikm: Buffer, info: string): Buffer {
  const prk = createHmac("sha256", Buffer.alloc(32)).update(ikm).digest();
  return createHmac("sha256", prk)
    .update(Buffer.concat([Buffer.from(info), Buffer.of(1)]))
    .digest();
}

describe("deriveKey", () => {
  it("returns 32 bytes deterministically", () => {
    const a = deriveKey(master, "totp-secret");
    expect(a.length).toBe(32);
    expect(deriveKey(master, "totp-secret").equals(a)).toBe(true);
  });

  it("matches HKDF-SHA256 with the documented info string", () => {
    expect(
      deriveKey(master, "totp-secret").equals(
        referenceHkdf(master, "privacy-desk/v1/totp-secret\0"),
      ),
    ).toBe(true);
    expect(
      deriveKey(master, "export", "org:7").equals(
        referenceHkdf(master, "privacy-desk/v1/export\0org:7"),
      ),
    ).toBe(true);
  });

  it("separates purposes, contexts and master keys", () => {
    const keys = [
      deriveKey(master, "totp-secret"),
      deriveKey(master, "session"),
      deriveKey(master, "totp-secret", "org:1"),
      deriveKey(master, "totp-secret", "org:2"),
      deriveKey(randomBytes(32), "totp-secret"),
    ].map((k) => k.toString("hex"));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("does not let purpose and context run together", () => {
    expect(deriveKey(master, "a/b").equals(deriveKey(master, "a", "/b"))).toBe(false);
    expect(deriveKey(master, "ab").equals(deriveKey(master, "a", "b"))).toBe(false);
  });

  it("refuses weak masters and ambiguous purposes", () => {
    expect(() => deriveKey(randomBytes(16), "totp-secret")).toThrow(RangeError);
    expect(() => deriveKey(master, "")).toThrow(TypeError);
    expect(() => deriveKey(master, "a\0b")).toThrow(TypeError);
  });
});
