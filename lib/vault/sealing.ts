import "server-only";
import type { Tx } from "@/db/client";
import type { PaymentAccountType } from "@/db/schema/vault";
import { encryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { normaliseEmail, normalisePhone } from "@/lib/core/crypto/normalise";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { maskEmail, maskPhone } from "@/lib/customers/mask";

/** The columns a voucher's redemption code is stored in. */
export interface SealedRedemptionCode {
  redemptionCodeEnc: Buffer;
  redemptionCodeKeyVersion: number;
}

/**
 * Seals a redemption code under an already loaded org key (for seeding many vouchers with one
 * key). The code is a bearer secret of the organisation, not of a data subject, so it survives
 * erasure of whoever owns the voucher; rotation finds it by the key version stored beside it.
 */
export function sealRedemptionCodeWith(
  orgKey: FieldKey,
  orgId: string,
  voucherId: string,
  code: string,
): SealedRedemptionCode {
  return {
    redemptionCodeEnc: encryptField(orgKey, code, {
      orgId,
      table: "vouchers",
      column: "redemption_code_enc",
      rowId: voucherId,
    }),
    redemptionCodeKeyVersion: orgKey.version,
  };
}

/** Seals a voucher's redemption code under the organisation's primary key. */
export async function sealRedemptionCode(
  tx: Tx,
  orgId: string,
  voucherId: string,
  code: string,
): Promise<SealedRedemptionCode> {
  return sealRedemptionCodeWith(await ensureOrgKey(tx, orgId), orgId, voucherId, code);
}

/**
 * Seals a payment account's full identifier under its customer's data key (dataKeyFor), so erasing
 * the customer shreds it too (PIPL Art. 28: financial accounts are sensitive).
 */
export function sealPaymentIdentifier(
  key: FieldKey,
  orgId: string,
  accountId: string,
  identifier: string,
): Buffer {
  return encryptField(key, identifier, {
    orgId,
    table: "payment_accounts",
    column: "identifier_enc",
    rowId: accountId,
  });
}

const typeLabels: Record<PaymentAccountType, string> = {
  bank_card: "银行卡",
  alipay: "支付宝",
  wechat_pay: "微信支付",
};

const lastFour = (value: string) => {
  const compact = value.replace(/\s/g, "");
  return compact.length > 4 ? compact.slice(-4) : "";
};

/**
 * The stored display form: 支付宝 138****8000, 支付宝 z***@example.com, 银行卡 **** 1234,
 * 微信支付 **** a1b2. Never more than a support agent needs to tell accounts apart.
 */
export function maskPaymentIdentifier(type: PaymentAccountType, identifier: string): string {
  const label = typeLabels[type];
  if (type !== "bank_card") {
    if (normalisePhone(identifier)) return `${label} ${maskPhone(identifier)}`;
    if (normaliseEmail(identifier)) return `${label} ${maskEmail(identifier)}`;
  }
  const tail = lastFour(identifier);
  return tail ? `${label} **** ${tail}` : `${label} ****`;
}
