import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from "@/lib/core/auth/recovery-codes";

const FORMAT = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

describe("generateRecoveryCodes", () => {
  it("returns ten distinct codes in xxxxx-xxxxx form from the unambiguous alphabet", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(FORMAT);
      expect(code).not.toMatch(/[ilou]/);
    }
  });

  it("draws from all 32 symbols (5 bits each, 50 bits per code)", () => {
    const seen = new Set(
      Array.from({ length: 50 }, generateRecoveryCodes).flat().join("").replace(/-/g, ""),
    );
    expect(seen.size).toBe(32);
  });
});

describe("normaliseRecoveryCode", () => {
  it("lower-cases and strips dashes and whitespace", () => {
    expect(normaliseRecoveryCode(" AB3DE-FG4HJ ")).toBe("ab3defg4hj");
    expect(normaliseRecoveryCode("ab3de fg4hj")).toBe("ab3defg4hj");
    expect(normaliseRecoveryCode("ab3de\t-\nfg4hj")).toBe("ab3defg4hj");
  });

  it("maps look-alike letters to the digits we issue", () => {
    expect(normaliseRecoveryCode("O0IL1-oilxx")).toBe("00111011xx");
  });
});

describe("hashRecoveryCode", () => {
  it("is SHA-256 hex of the normalised code", () => {
    expect(hashRecoveryCode("AB3DE-FG4HJ")).toBe(
      createHash("sha256").update("ab3defg4hj").digest("hex"),
    );
  });

  it("is the same for any spelling of one code and differs between codes", () => {
    const [code, other] = generateRecoveryCodes();
    expect(hashRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(other));
  });
});
