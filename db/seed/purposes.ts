import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, policyDocuments, vendors } from "@/db/schema";
import type {
  ConsentKind,
  PurposeBases,
  SeparateConsentGround,
  TransferMechanism,
} from "@/db/schema/purposes";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext } from "@/lib/core/tenancy/context";
import type { DataCategory } from "@/lib/data-categories/options";
import { createPurpose } from "@/lib/purposes/commands";
import type { Destination } from "@/lib/purposes/options";

/** A demo purpose in short form: [zh, en] texts, recipients by vendor name (skipped when not registered). */
interface Spec {
  code: string;
  name: [string, string];
  description: [string, string];
  /** Its basis under each law; the organisation keeps those of its own laws. */
  bases: PurposeBases;
  kind: ConsentKind;
  grounds?: SeparateConsentGround[];
  data: DataCategory[];
  recipients?: string[];
  destination?: Destination;
  mechanism?: TransferMechanism;
  required?: boolean;
}

const accountTransactions: Spec = {
  code: "account_transactions",
  name: ["账户与交易", "Account and transactions"],
  description: [
    "用您的手机号和账户信息登录，并记录您买卖团购券的订单，以便完成交易、处理退款和售后。这是提供服务所必需的，无法关闭。",
    "We use your phone number and account details to sign you in, and keep the orders of the vouchers you buy and sell so that we can complete them, refund them and help when something goes wrong. The service cannot work without this, so it cannot be switched off.",
  ],
  bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
  kind: "standard",
  data: ["identity", "contact", "transactions", "vouchers"],
  recipients: ["阿里云"],
  required: true,
};

const contactForRedemption: Spec = {
  code: "contact_for_redemption",
  name: [
    "向卖家和商户提供联系方式以便核销",
    "Show your contact to the seller and merchant for redemption",
  ],
  description: [
    "您买下转让的团购券后，我们会把您的手机号告诉卖家和到店核销的商户，方便他们确认预约、核对身份。卖家和商户会各自处理您的手机号。不同意也可以购买，但需要您到店时自行出示券码。",
    "When you buy a transferred voucher, we show your phone number to the seller and to the merchant where you redeem it, so they can confirm your booking and recognise you. They handle your number on their own account. You can still buy without agreeing, but you will need to show the voucher code yourself at the shop.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "separate",
  grounds: ["sharing"],
  data: ["contact", "vouchers"],
  recipients: ["悦享 KTV 连锁（商户 POS）", "鲜味坊餐饮（商户 POS）", "丽人美业连锁（商户 POS）"],
};

const realNameVerification: Spec = {
  code: "real_name_verification",
  name: ["实名认证", "Real-name verification"],
  description: [
    "出售团购券并提现前，需要核对您的姓名、身份证号，并进行人脸比对，以防冒用他人身份和洗钱。身份证号和人脸信息属于敏感个人信息，我们单独征求您的同意。不认证仍可购买，但不能出售和提现。",
    "Before you sell vouchers and withdraw the money, we check your name and ID card number and compare a photo of your face, to stop identity theft and money laundering. ID numbers and face data are sensitive, so we ask for this on its own. Without it you can still buy, but not sell or withdraw.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "separate",
  grounds: ["sensitive"],
  data: ["identity", "national_id", "biometric"],
  recipients: ["腾讯云慧眼"],
};

const marketingSms: Spec = {
  code: "marketing_sms",
  name: ["营销短信", "Marketing text messages"],
  description: [
    "给您发短信介绍优惠活动和新上架的团购券。可以随时关闭，关闭后仍会收到验证码和订单通知。",
    "We text you about offers and newly listed vouchers. You can turn this off at any time; you will still get sign-in codes and order updates.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "standard",
  data: ["contact", "preferences"],
  recipients: ["腾讯云短信"],
};

const marketingPush: Spec = {
  code: "marketing_push",
  name: ["营销推送", "Marketing push notifications"],
  description: [
    "通过 App 推送通知告诉您优惠活动。可以随时关闭，不影响订单提醒。",
    "We send app notifications about offers. You can turn them off at any time; order reminders are not affected.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "standard",
  data: ["device", "preferences"],
  recipients: ["极光推送"],
};

const recommendations: Spec = {
  code: "personalised_recommendations",
  name: ["个性化推荐", "Personalised recommendations"],
  description: [
    "根据您浏览和购买过的团购券推荐您可能感兴趣的内容。关闭后，您看到的是不针对个人的推荐。",
    "We suggest vouchers based on what you have looked at and bought. If you turn this off, you see recommendations that are not based on you.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "standard",
  data: ["behaviour", "transactions", "preferences"],
  recipients: ["神策数据"],
};

const nearbyDeals: Spec = {
  code: "location_nearby_deals",
  name: ["附近优惠（精确位置）", "Nearby deals (precise location)"],
  description: [
    "使用您手机的精确位置，显示附近可以核销的团购券和商户距离。精确位置属于敏感个人信息，只在您单独同意后、打开相关页面时获取。不同意时可以手动选择城市。",
    "We use your phone's precise location to show vouchers you can redeem nearby and how far the shops are. Precise location is sensitive, so we only use it with your separate consent and only while you use this page. Without it, you can pick a city yourself.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "separate",
  grounds: ["sensitive"],
  data: ["location", "device"],
  recipients: ["高德地图"],
};

const analyticsSdk: Spec = {
  code: "analytics_sdk",
  name: ["第三方统计 SDK", "Third-party analytics SDK"],
  description: [
    "App 内嵌友盟+统计 SDK，它会收集设备标识和使用情况，帮助我们发现故障、改进功能。友盟+会自行处理这些信息，因此需要您单独同意。不同意不影响使用。",
    "The app includes the Umeng+ analytics SDK, which collects device identifiers and how the app is used, to help us find faults and improve features. Umeng+ handles this information on its own account, so we ask separately. Saying no does not affect the app.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "separate",
  grounds: ["sharing"],
  data: ["device", "behaviour"],
  recipients: ["友盟+"],
};

/**
 * Contract, not consent: a payment cannot be made without the payment processor receiving the
 * order and account details, so a "consent" the customer could refuse and still pay would be
 * fiction (PIPL Art. 13(1)(2)). The processors are named in the privacy policy as Art. 23 asks.
 */
const paymentProcessor: Spec = {
  code: "payment_processor_sharing",
  name: ["向支付机构提供支付信息", "Sharing payment details with the payment provider"],
  description: [
    "付款和退款时，我们把订单金额和您选择的支付账户信息提供给支付宝、微信支付或银联，由它们完成扣款和退款。这是完成付款所必需的；您可以选择用哪一家支付。",
    "When you pay or get a refund, we give the order amount and your chosen payment account to Alipay, WeChat Pay or UnionPay, which move the money. A payment cannot happen without this; you choose which provider to use.",
  ],
  bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
  kind: "standard",
  data: ["financial", "transactions", "contact"],
  recipients: ["支付宝", "微信支付", "中国银联"],
  required: true,
};

const crossBorderStorage: Spec = {
  code: "cross_border_storage",
  name: ["境外用户数据存储于新加坡", "Storing overseas users' data in Singapore"],
  description: [
    "如果您使用境外手机号注册，您的账户、订单和券码信息会存储在新加坡的服务器上，以便您在境外访问更快。这属于向境外提供个人信息，需要您单独同意；不同意时数据留在境内，访问可能较慢。",
    "If you registered with an overseas phone number, your account, orders and vouchers are stored on servers in Singapore so the service is faster where you are. This transfers your information out of mainland China, so we ask separately; if you say no, it stays in mainland China and may be slower.",
  ],
  // The vendor note says it: a standard contract, filed with the provincial CAC.
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
  kind: "separate",
  grounds: ["cross_border"],
  destination: "SG",
  mechanism: "standard_contract",
  data: ["contact", "transactions", "vouchers"],
  recipients: ["Amazon Web Services"],
};

/**
 * Device identifiers and behaviour given to advertising partners, who handle them on their own
 * account: separate consent with the sharing ground under PIPL (Arts. 13(1)(1), 23), consent under
 * GDPR (Art. 6(1)(a); ePrivacy for the identifiers), and under CCPA a sale or sharing for
 * cross-context behavioural advertising, which the customer may opt out of (§1798.120, GPC §7025).
 */
const saleShareAds: Spec = {
  code: "sale_share_ads",
  name: [
    "向广告合作伙伴提供信息用于个性化广告",
    "Sharing with advertising partners for personalised ads",
  ],
  description: [
    "我们把设备标识和您在 App 中的浏览行为提供给广告合作伙伴，由它们在其他网站和 App 上向您展示个性化广告。广告合作伙伴会自行处理这些信息。不同意（或选择退出）不影响使用。",
    "We give device identifiers and how you use the app to advertising partners, who handle them on their own account to show you personalised ads on other sites and apps. Saying no (or opting out) does not affect the app.",
  ],
  bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
  kind: "separate",
  grounds: ["sharing"],
  data: ["device", "behaviour", "preferences"],
  recipients: ["巨量引擎"],
};

const full = [
  accountTransactions,
  contactForRedemption,
  realNameVerification,
  marketingSms,
  marketingPush,
  recommendations,
  nearbyDeals,
  analyticsSdk,
  paymentProcessor,
  crossBorderStorage,
  saleShareAds,
];
/** The second demo organisation (PIPL and GDPR, hosted in Hong Kong): a handful. */
const few = [
  accountTransactions,
  marketingSms,
  contactForRedemption,
  {
    ...crossBorderStorage,
    name: ["用户数据存储于香港", "Storing users' data in Hong Kong"],
    description: [
      "您的账户、订单和券码信息存储在阿里云香港区域的服务器上。这属于向中国大陆以外提供个人信息，需要您单独同意。您可以随时撤回，撤回后我们会删除香港服务器上的副本。",
      "Your account, orders and vouchers are stored on Alibaba Cloud servers in Hong Kong. This transfers your information out of mainland China, so we ask for it separately. You can withdraw at any time, and we then delete the copy held in Hong Kong.",
    ],
    destination: "HK",
    recipients: ["Alibaba Cloud"],
  } satisfies Spec,
];

/** A spec's bases under the organisation's laws only: a purpose declares no basis under a law the organisation is not subject to. */
const basesUnder = (bases: PurposeBases, laws: readonly string[]): PurposeBases =>
  Object.fromEntries(Object.entries(bases).filter(([law]) => laws.includes(law)));

/** The demo catalogue, created through the same command (and audit) as the console, linked to the privacy policy. */
export async function seedPurposes(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const vendorIds = new Map(
    (
      await tx
        .select({ id: vendors.id, name: vendors.name })
        .from(vendors)
        .where(eq(vendors.orgId, orgId))
    ).map((v) => [v.name, v.id]),
  );
  const [privacy] = await tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.slug, "privacy")));
  const [org] = await tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  for (const spec of size === "full" ? full : few) {
    const bases = basesUnder(spec.bases, org.jurisdictions);
    await createPurpose(ctx, {
      identifier: spec.code,
      nameZh: spec.name[0],
      nameEn: spec.name[1],
      descriptionZh: spec.description[0],
      descriptionEn: spec.description[1],
      basisPIPL: bases.PIPL,
      basisGDPR: bases.GDPR,
      basisCCPA: bases.CCPA,
      consentKind: spec.kind,
      separateGrounds: spec.grounds ?? [],
      dataCategories: spec.data,
      sensitive: false,
      recipientVendorIds: (spec.recipients ?? []).flatMap((name) => vendorIds.get(name) ?? []),
      crossBorderDestination: spec.destination,
      transferMechanism: spec.mechanism,
      required: spec.required ?? false,
      policyDocumentId: privacy?.id,
    });
  }
}
