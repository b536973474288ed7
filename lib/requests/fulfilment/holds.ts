import type { LocalizedText } from "@/db/schema/policies";
import { asAppLocale } from "@/lib/core/i18n/locale";

/**
 * Why some of an erased customer's records stay (in pseudonymous form): legal retention holds,
 * as data. Staff see each hold with its legal basis; the requester reads `requesterText`.
 */
export interface RetentionHold {
  id: string;
  /** Which records the hold keeps. */
  records: "orders" | "consentReceipts";
  /** How long, in years from the record's date. */
  years: number;
  basis: LocalizedText;
  requesterText: LocalizedText;
}

export const retentionHolds: readonly RetentionHold[] = [
  {
    id: "ecommerce_transactions",
    records: "orders",
    years: 3,
    basis: {
      "zh-CN":
        "《中华人民共和国电子商务法》第三十一条：商品和服务信息、交易信息保存时间自交易完成之日起不少于三年。",
      en: "PRC E-Commerce Law, Art. 31: product, service and transaction information must be kept for at least three years after the transaction is completed.",
    },
    requesterText: {
      "zh-CN":
        "依照《电子商务法》第三十一条，您的交易记录（金额、日期、状态）须自交易完成之日起保存不少于三年。这些记录已与您的身份断开关联：姓名、手机号等个人信息已被不可恢复地删除，仅以假名形式保留至保存期满。",
      en: "Under Art. 31 of the PRC E-Commerce Law, records of your transactions (amounts, dates, status) must be kept for at least three years after each transaction. They are no longer linked to you: your name, phone number and other personal details have been irreversibly deleted, and the records are kept only in pseudonymous form until the period ends.",
    },
  },
  {
    id: "consent_evidence",
    records: "consentReceipts",
    years: 3,
    basis: {
      "zh-CN":
        "《个人信息保护法》第十四条、第十五条；GDPR 第 7 条第 1 款：处理者须能证明已取得同意及其撤回。",
      en: "PIPL Arts. 14–15; GDPR Art. 7(1): the controller must be able to demonstrate consent and its withdrawal.",
    },
    requesterText: {
      "zh-CN":
        "您的同意与撤回记录（时间、用途、操作）作为合规证据以假名形式保留，不再包含可识别您的信息。",
      en: "Records of your consent choices (time, purpose, choice) are kept as compliance evidence in pseudonymous form, without anything that identifies you.",
    },
  },
];

/**
 * The explanation the requester's tracking page shows after an erasure: what was deleted and
 * which holds keep what, in the request's language.
 */
export function erasureExplanation(
  locale: string | null | undefined,
  holds: readonly RetentionHold[] = retentionHolds,
): string {
  const l = asAppLocale(locale);
  const intro =
    l === "en"
      ? "Your personal information has been erased: the key that protected it was destroyed, so no copy of it (including backups) can be read any more."
      : "您的个人信息已被删除：保护这些信息的密钥已被销毁，任何副本（包括备份）都无法再被读取。";
  return [intro, ...holds.map((h) => h.requesterText[l])].join("\n\n");
}
