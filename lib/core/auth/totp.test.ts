import { generate, ScureBase32Plugin, stringToBytes, type HashAlgorithm } from "otplib";
import { describe, expect, it } from "vitest";
import { generateTotp, generateTotpSecret, totpUri, verifyTotp } from "@/lib/core/auth/totp";
import rfc6238 from "@/tests/fixtures/rfc6238-vectors.json";

const base32 = new ScureBase32Plugin();
const ALGORITHMS = ["SHA1", "SHA256", "SHA512"] as const;

const rfcCases = rfc6238.vectors.flatMap((vector) =>
  ALGORITHMS.map((name) => ({ name, time: vector.time, expected: vector[name] })),
);

describe("RFC 6238 Appendix B vectors (via otplib)", () => {
  it("covers all 18 vectors", () => {
    expect(rfcCases).toHaveLength(18);
  });

  it.each(rfcCases)("$name at T=$time is $expected", async ({ name, time, expected }) => {
    const code = await generate({
      secret: stringToBytes(rfc6238.seeds[name]),
      algorithm: name.toLowerCase() as HashAlgorithm,
      digits: rfc6238.digits,
      period: rfc6238.period,
      epoch: time,
    });
    expect(code).toBe(expected);
  });

  it("generateTotp agrees with the SHA-1 vectors (last 6 of 8 digits)", async () => {
    const secret = base32.encode(stringToBytes(rfc6238.seeds.SHA1));
    for (const vector of rfc6238.vectors) {
      expect(await generateTotp(secret, vector.time * 1000)).toBe(vector.SHA1.slice(-6));
    }
  });
});

describe("generateTotpSecret", () => {
  it("is unpadded base32 of 20 random bytes", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32.decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe("totpUri", () => {
  it("builds an otpauth URI with the Privacy Desk issuer", () => {
    const secret = generateTotpSecret();
    const uri = new URL(totpUri({ secret, account: "dpo@example.com" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Privacy Desk:dpo@example.com");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Privacy Desk");
  });

  it("accepts an explicit issuer", () => {
    const uri = new URL(
      totpUri({ secret: generateTotpSecret(), account: "a@b.c", issuer: "Privacy Desk" }),
    );
    expect(uri.searchParams.get("issuer")).toBe("Privacy Desk");
  });
});

describe("verifyTotp", () => {
  const secret = generateTotpSecret();
  const step = 56_666_666;
  // Middle of the step, so ±N steps means exactly N periods away.
  const atStep = (s: number) => (s * 30 + 15) * 1000;

  it("accepts the current code and returns its step", async () => {
    const code = await generateTotp(secret, atStep(step));
    expect(await verifyTotp(secret, code, { now: atStep(step) })).toEqual({ ok: true, step });
  });

  it("accepts codes from first to last second of their step", async () => {
    const code = await generateTotp(secret, step * 30 * 1000);
    expect(await verifyTotp(secret, code, { now: step * 30 * 1000 })).toEqual({ ok: true, step });
    expect(await verifyTotp(secret, code, { now: (step * 30 + 29) * 1000 + 999 })).toEqual({
      ok: true,
      step,
    });
  });

  it("accepts ±1 step of drift, reporting the code's own step", async () => {
    const code = await generateTotp(secret, atStep(step));
    expect(await verifyTotp(secret, code, { now: atStep(step - 1) })).toEqual({ ok: true, step });
    expect(await verifyTotp(secret, code, { now: atStep(step + 1) })).toEqual({ ok: true, step });
  });

  it("refuses ±2 steps of drift", async () => {
    const code = await generateTotp(secret, atStep(step));
    expect(await verifyTotp(secret, code, { now: atStep(step - 2) })).toEqual({ ok: false });
    expect(await verifyTotp(secret, code, { now: atStep(step + 2) })).toEqual({ ok: false });
  });

  it("refuses a replay of the same step", async () => {
    const code = await generateTotp(secret, atStep(step));
    const first = await verifyTotp(secret, code, { now: atStep(step), lastUsedStep: step - 1 });
    expect(first).toEqual({ ok: true, step });
    expect(await verifyTotp(secret, code, { now: atStep(step), lastUsedStep: step })).toEqual({
      ok: false,
    });
    // Still refused while the code remains inside the drift window.
    expect(await verifyTotp(secret, code, { now: atStep(step + 1), lastUsedStep: step })).toEqual({
      ok: false,
    });
  });

  it("refuses an older step once a newer one was used", async () => {
    const previous = await generateTotp(secret, atStep(step - 1));
    expect(await verifyTotp(secret, previous, { now: atStep(step), lastUsedStep: step })).toEqual({
      ok: false,
    });
  });

  it("accepts the next step after a use, and treats null as never used", async () => {
    const next = await generateTotp(secret, atStep(step + 1));
    expect(await verifyTotp(secret, next, { now: atStep(step + 1), lastUsedStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
    expect(await verifyTotp(secret, next, { now: atStep(step + 1), lastUsedStep: null })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("refuses (without throwing) when the last used step is ahead of our clock", async () => {
    const code = await generateTotp(secret, atStep(step));
    expect(await verifyTotp(secret, code, { now: atStep(step), lastUsedStep: step + 5 })).toEqual({
      ok: false,
    });
  });

  it("tolerates spaces typed inside the code", async () => {
    const code = await generateTotp(secret, atStep(step));
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(await verifyTotp(secret, spaced, { now: atStep(step) })).toEqual({ ok: true, step });
  });

  it("refuses a wrong code and a code for another secret", async () => {
    const code = await generateTotp(secret, atStep(step));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await verifyTotp(secret, wrong, { now: atStep(step) })).toEqual({ ok: false });
    expect(await verifyTotp(generateTotpSecret(), code, { now: atStep(step) })).toEqual({
      ok: false,
    });
  });

  it.each([
    "",
    "12345",
    "1234567",
    "12345678",
    "abcdef",
    "12a456",
    "-12345",
    "１２３４５６",
    "123456\u0000",
  ])("refuses malformed code %j", async (code) => {
    await expect(verifyTotp(secret, code, { now: atStep(step) })).resolves.toEqual({ ok: false });
  });

  it("uses the real clock by default", async () => {
    const code = await generateTotp(secret);
    const result = await verifyTotp(secret, code);
    expect(result.ok).toBe(true);
  });
});
