import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { orgKeyVersion, rotateOrgKey } from "@/lib/core/crypto/org-keys";
import {
  maskPaymentIdentifier,
  sealPaymentIdentifier,
  sealRedemptionCode,
} from "@/lib/vault/sealing";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

describe("vault sealing", () => {
  it("masks payment identifiers by type, showing no more than the last four", () => {
    expect(maskPaymentIdentifier("alipay", "+8613800138000")).toBe("支付宝 138****8000");
    expect(maskPaymentIdentifier("alipay", "zhang.wei@example.com")).toBe(
      "支付宝 z***@example.com",
    );
    expect(maskPaymentIdentifier("bank_card", "6222 0212 3456 7891 234")).toBe("银行卡 **** 1234");
    expect(maskPaymentIdentifier("bank_card", "13800138000")).toBe("银行卡 **** 8000");
    expect(maskPaymentIdentifier("wechat_pay", "wxid_7m2k9q4t8p")).toBe("微信支付 **** 4t8p");
    expect(maskPaymentIdentifier("wechat_pay", "abc")).toBe("微信支付 ****");
  });

  it("seals a redemption code under the primary org key version, bound to its voucher", async () => {
    const { orgId } = await createOrg();
    const voucherId = randomUUID();
    const { sealed, plain } = await withTenant(orgId, async (tx) => {
      const key = await rotateOrgKey(tx, orgId);
      const sealed = await sealRedemptionCode(tx, orgId, voucherId, "830216457901");
      const where = { orgId, table: "vouchers", column: "redemption_code_enc", rowId: voucherId };
      expect(() =>
        decryptField(key, sealed.redemptionCodeEnc, { ...where, rowId: randomUUID() }),
      ).toThrow(DecryptionError);
      return {
        sealed,
        plain: decryptField(await orgKeyVersion(tx, orgId, 2), sealed.redemptionCodeEnc, where),
      };
    });
    expect(sealed.redemptionCodeKeyVersion).toBe(2);
    expect(plain).toBe("830216457901");
    expect(sealed.redemptionCodeEnc.includes(Buffer.from("830216457901"))).toBe(false);
  });

  it("seals a payment identifier under the customer's data key, opening only for its own row", async () => {
    const { orgId } = await createOrg();
    const [customerId, accountId] = [randomUUID(), randomUUID()];
    const key = await withTenant(orgId, (tx) => dataKeyFor(tx, orgId, customerId));
    const blob = sealPaymentIdentifier(key, orgId, accountId, "6222021234567891234");
    const where = { orgId, table: "payment_accounts", column: "identifier_enc", rowId: accountId };
    expect(decryptField(key, blob, where)).toBe("6222021234567891234");
    expect(() => decryptField(key, blob, { ...where, rowId: randomUUID() })).toThrow(
      DecryptionError,
    );
  });
});
