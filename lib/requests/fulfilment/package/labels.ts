import type { AppLocale } from "@/lib/core/i18n/locale";
import type { DatasetName } from "./collect";

type Pair = Record<AppLocale, string>;

/** The summary page's headings, in both languages (the job runs outside any web request). */
export const headings = {
  title: { "zh-CN": "您的个人信息副本", en: "A copy of your personal information" },
  intro: {
    "zh-CN":
      "本文件包含我们保存的关于您的个人信息。每类数据都另附 JSON 与 CSV 文件，便于转移到其他服务。",
    en: "This package holds the personal information we keep about you. Each dataset is also included as JSON and CSV, so you can take it to another service.",
  },
  request: { "zh-CN": "请求", en: "Request" },
  generated: { "zh-CN": "生成时间", en: "Generated" },
  profile: { "zh-CN": "个人资料", en: "Profile" },
  contents: { "zh-CN": "内容与文件", en: "Contents and files" },
  dataset: { "zh-CN": "数据", en: "Data" },
  records: { "zh-CN": "条数", en: "Records" },
  files: { "zh-CN": "文件", en: "Files" },
  shown: {
    "zh-CN": "此处显示前 {n} 条，完整内容见文件。",
    en: "The first {n} are shown here; the files have them all.",
  },
  none: { "zh-CN": "无", en: "None" },
} satisfies Record<string, Pair>;

export const datasetLabels: Record<DatasetName, Pair> = {
  vouchers: { "zh-CN": "团购券", en: "Vouchers" },
  orders: { "zh-CN": "转让订单（买入与卖出）", en: "Transfer orders (bought and sold)" },
  listings: { "zh-CN": "转让挂单", en: "Listings" },
  paymentAccounts: { "zh-CN": "支付账户（已脱敏）", en: "Payment accounts (masked)" },
  consentReceipts: { "zh-CN": "同意记录（回执）", en: "Consent receipts" },
  requests: { "zh-CN": "个人信息权利请求", en: "Data-subject requests" },
};

export const profileLabels: Record<string, Pair> = {
  id: { "zh-CN": "客户编号", en: "Customer id" },
  externalRef: { "zh-CN": "平台用户 ID", en: "Platform user id" },
  displayName: { "zh-CN": "姓名", en: "Name" },
  phone: { "zh-CN": "手机号", en: "Phone" },
  email: { "zh-CN": "邮箱", en: "Email" },
  nationalId: { "zh-CN": "身份证号", en: "ID number" },
  address: { "zh-CN": "地址", en: "Address" },
  birthDate: { "zh-CN": "出生日期", en: "Birth date" },
  realNameVerified: { "zh-CN": "已实名认证", en: "Real-name verified" },
  region: { "zh-CN": "地区", en: "Region" },
  laws: { "zh-CN": "适用法律", en: "Applicable laws" },
  status: { "zh-CN": "状态", en: "Status" },
  createdAt: { "zh-CN": "注册时间", en: "Registered" },
  lastActiveAt: { "zh-CN": "最近活跃", en: "Last active" },
};

/** "主 / Other": the request's language first, the other after it. */
export function bilingual(pair: Pair, locale: AppLocale): string {
  const other: AppLocale = locale === "en" ? "zh-CN" : "en";
  return `${pair[locale]} / ${pair[other]}`;
}
