import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { EnvKeyProvider } from "@/lib/core/crypto/key-provider";

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
    await expect(new EnvKeyProvider(randomBytes(32)).unwrap(wrapped, "org-a/1")).rejects.toThrow(DecryptionError);
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
});
