import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { EnvKeyProvider, LEGACY_WRAPPER } from "@/lib/core/crypto/key-provider";

const master = randomBytes(32);
const provider = new EnvKeyProvider(master);

describe("EnvKeyProvider", () => {
  it("wraps and unwraps under the same AAD; the wrapped form does not contain the key", async () => {
    const key = randomBytes(32);
    const wrapped = await provider.wrap(key, "org-a/1");
    expect(wrapped.includes(key)).toBe(false);
    expect((await provider.unwrap(wrapped, "org-a/1")).equals(key)).toBe(true);
  });

  it("fails closed on another AAD or another master key", async () => {
    const wrapped = await provider.wrap(randomBytes(32), "org-a/1");
    await expect(provider.unwrap(wrapped, "org-b/1")).rejects.toThrow(DecryptionError);
    await expect(new EnvKeyProvider(randomBytes(32)).unwrap(wrapped, "org-a/1")).rejects.toThrow(
      DecryptionError,
    );
  });

  it("does not wrap with the raw master key", async () => {
    const { open } = await import("@/lib/core/crypto/aead");
    const wrapped = await provider.wrap(randomBytes(32), "x");
    expect(() => open(master, wrapped, "x")).toThrow(DecryptionError);
  });

  it("names the master key stably without revealing it", () => {
    expect(provider.keyId).toBe(new EnvKeyProvider(master).keyId);
    expect(provider.keyId).not.toBe(new EnvKeyProvider(randomBytes(32)).keyId);
    expect(provider.keyId).toMatch(/^env:[0-9a-f]{16}$/);
    expect(master.toString("hex")).not.toContain(provider.keyId.slice(4));
    expect(JSON.stringify(provider)).not.toContain(master.toString("base64"));
  });

  it("unwraps with the master key the row names, the previous one included, and wraps only with the current", async () => {
    const old = new EnvKeyProvider(master);
    const key = randomBytes(32);
    const wrappedByOld = await old.wrap(key, "org-a/1");
    const rotating = new EnvKeyProvider(randomBytes(32), master);
    expect(rotating.previousKeyIds).toEqual([old.keyId]);
    expect((await rotating.unwrap(wrappedByOld, "org-a/1", old.keyId)).equals(key)).toBe(true);
    // Named as wrapped by the current key, the old wrapping fails closed; an unknown id too.
    await expect(rotating.unwrap(wrappedByOld, "org-a/1", rotating.keyId)).rejects.toThrow(
      DecryptionError,
    );
    await expect(rotating.unwrap(wrappedByOld, "org-a/1", "env:0000000000000000")).rejects.toThrow(
      DecryptionError,
    );
    // A legacy row names no key: whichever known key opens it.
    expect((await rotating.unwrap(wrappedByOld, "org-a/1", LEGACY_WRAPPER)).equals(key)).toBe(true);
    const rewrapped = await rotating.wrap(key, "org-a/1");
    await expect(old.unwrap(rewrapped, "org-a/1")).rejects.toThrow(DecryptionError);
    expect((await rotating.unwrap(rewrapped, "org-a/1")).equals(key)).toBe(true);
  });
});
