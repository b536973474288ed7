import { describe, expect, it } from "vitest";
import {
  DUMMY_HASH,
  hashPassword,
  passwordSchema,
  verifyAgainstDummy,
  verifyPassword,
} from "@/lib/core/auth/password";

describe("hashPassword/verifyPassword", () => {
  it("produces an argon2id hash with the OWASP parameters that verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toContain("$m=19456,t=2,p=1$");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password!")).not.toBe(await hashPassword("same password!"));
  });

  it("rejects a wrong password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("returns false instead of throwing for garbage hashes", async () => {
    for (const garbage of ["", "garbage", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???"]) {
      await expect(verifyPassword(garbage, "whatever password")).resolves.toBe(false);
    }
  });

  it("treats Unicode-equivalent spellings as the same password", async () => {
    const composed = "caf\u00e9 au lait 123";
    const decomposed = "cafe\u0301 au lait 123";
    const hash = await hashPassword(composed);
    expect(await verifyPassword(hash, decomposed)).toBe(true);
  });
});

describe("dummy hash", () => {
  it("is a real argon2id hash, computed once", async () => {
    const first = await DUMMY_HASH;
    expect(first.startsWith("$argon2id$")).toBe(true);
    expect(await DUMMY_HASH).toBe(first);
  });

  it("verifyAgainstDummy always resolves false", async () => {
    await expect(verifyAgainstDummy("any password at all")).resolves.toBe(false);
  });
});

describe("passwordSchema", () => {
  function messages(input: unknown): string[] {
    const result = passwordSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  }

  it("accepts 12 to 128 characters", () => {
    expect(passwordSchema.safeParse("a".repeat(12)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(128)).success).toBe(true);
  });

  it("reports message keys, not prose", () => {
    expect(messages("a".repeat(11))).toEqual(["errors.passwordTooShort"]);
    expect(messages("a".repeat(129))).toEqual(["errors.passwordTooLong"]);
    expect(messages(undefined)).toEqual(["errors.passwordRequired"]);
  });
});
