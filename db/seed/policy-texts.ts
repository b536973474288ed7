/** The demo organisation's policy texts: a voucher transfer platform's privacy policy and its companions. */
import type { LocalizedText } from "@/db/schema/policies";

export const privacyPolicyV1: LocalizedText = {
  "zh-CN": `# 拼团转让示范平台隐私政策

更新日期：2025年12月20日　生效日期：2026年1月1日

拼团转让示范平台（以下简称“我们”）为用户提供团购券的购买、转让与核销服务。我们深知个人信息对您的重要性，将按照《中华人民共和国个人信息保护法》等法律法规的要求，遵循合法、正当、必要和诚信原则处理您的个人信息。

## 一、我们收集的个人信息

1. **账户信息**：注册时您提供的手机号码，用于创建账户、登录验证和交易通知。
2. **实名认证信息**：当您转让单笔面值超过 500 元的团购券时，我们需要收集您的姓名和身份证号码以完成实名认证。身份证号码属于敏感个人信息，我们会在收集前单独征得您的同意。
3. **交易信息**：您购买、挂售、转让和核销团购券的记录，以及订单金额和时间。
4. **支付信息**：您绑定的支付宝或微信支付账户标识。我们不会收集或保存您的银行卡密码。

## 二、我们如何使用个人信息

- 完成团购券的购买、转让和核销，并向您发送交易通知；
- 在转让成交后，向买家展示卖家已核实的身份状态，向商户提供核销所需的买家联系方式（仅在您单独同意后提供）；
- 识别和防范欺诈、套现等违规交易；
- 履行法律法规规定的义务，例如依法配合有权机关的调查。

## 三、个人信息的共享

我们仅在实现上述目的所必需的范围内，与支付机构、短信服务商和核销商户共享您的个人信息，并与其签订数据处理协议，要求其按照我们的指示和本政策处理个人信息。完整的第三方名单见《第三方共享清单》。

## 四、保存期限

交易记录自交易完成之日起保存三年，以满足电子商务相关法律的要求；账户注销后，我们将在十五个工作日内删除或匿名化您的个人信息，法律法规另有规定的除外。

## 五、您的权利

您有权查阅、复制、更正、删除您的个人信息，撤回同意，以及注销账户。您可以在“我的—隐私设置”中操作，或发送邮件至 [privacy@demo.example](mailto:privacy@demo.example) 联系我们的个人信息保护负责人。我们将在十五个工作日内答复。`,
  en: `# Privacy Policy of Demo Group-Buy Exchange

Last updated: 20 December 2025. Effective: 1 January 2026.

Demo Group-Buy Exchange ("we") lets users buy, transfer and redeem group-buy vouchers. We process your personal information lawfully, fairly, only as necessary and in good faith, as required by the Personal Information Protection Law of the People's Republic of China.

## 1. What we collect

1. **Account information**: the mobile number you register with, used to create your account, verify sign-ins and send transaction notices.
2. **Real-name verification**: when you transfer a voucher with a face value over CNY 500 we collect your name and ID card number. The ID number is sensitive personal information; we ask for your separate consent first.
3. **Transactions**: your purchases, listings, transfers and redemptions, with amounts and times.
4. **Payment information**: the identifier of the Alipay or WeChat Pay account you link. We never collect your card PIN.

## 2. How we use it

- To complete purchases, transfers and redemptions and notify you about them;
- After a transfer, to show the buyer that the seller is verified, and to give the merchant the buyer's contact details for redemption (only with your separate consent);
- To detect and prevent fraud and cash-out schemes;
- To meet legal obligations, such as lawful requests from competent authorities.

## 3. Sharing

We share personal information only as needed for these purposes, with payment providers, SMS providers and redeeming merchants, under data processing agreements that bind them to our instructions and this policy. See the Third-Party Sharing List for the full list.

## 4. Retention

Transaction records are kept for three years after the transaction, as e-commerce law requires. When you close your account we delete or anonymise your personal information within fifteen working days, unless the law requires otherwise.

## 5. Your rights

You may access, copy, correct and delete your personal information, withdraw consent and close your account under "Me — Privacy settings", or email our personal information protection officer at [privacy@demo.example](mailto:privacy@demo.example). We reply within fifteen working days.`,
};

export const privacyPolicyV1Summary: LocalizedText = {
  "zh-CN":
    "我们只收集完成团购券交易所必需的信息：手机号、交易与支付记录；转让大额券时需要实名认证。交易记录保存三年，您可以随时查阅、更正、删除个人信息或注销账户。",
  en: "We collect only what a voucher trade needs: your mobile number and transaction and payment records; transferring high-value vouchers requires real-name verification. Transactions are kept for three years; you can access, correct or delete your data or close your account at any time.",
};

const crossBorderZh = `## 六、个人信息的跨境提供

为向境外用户提供服务，自2027年1月1日起，注册地在中国大陆以外的用户的账户和交易信息将存储于新加坡的数据中心。我们已与境外接收方订立个人信息出境标准合同，并完成个人信息保护影响评估。境内用户的个人信息仍存储于中国境内。`;
const crossBorderEn = `## 6. Cross-border transfer

From 1 January 2027, to serve users outside mainland China, the account and transaction data of users registered outside mainland China will be stored in a data centre in Singapore. We have signed the standard contract for outbound personal information with the recipient and completed a personal information protection impact assessment. Data of users in mainland China stays in China.`;

/** v2: adds cross-border storage for overseas users and shortens the reply time — a material change. */
export const privacyPolicyV2: LocalizedText = {
  "zh-CN": `${privacyPolicyV1["zh-CN"].replace("生效日期：2026年1月1日", "生效日期：2027年1月1日").replace("我们将在十五个工作日内答复。", "我们将在十个工作日内答复。")}\n\n${crossBorderZh}`,
  en: `${privacyPolicyV1.en.replace("Effective: 1 January 2026", "Effective: 1 January 2027").replace("We reply within fifteen working days.", "We reply within ten working days.")}\n\n${crossBorderEn}`,
};

export const privacyPolicyV2Summary: LocalizedText = {
  "zh-CN":
    "本次更新新增：境外用户的账户和交易信息将存储于新加坡数据中心；个人信息请求的答复时限缩短为十个工作日。",
  en: "New in this version: account and transaction data of overseas users will be stored in Singapore; we now reply to personal information requests within ten working days.",
};

export const companionDocuments: Array<{
  kind: "children" | "sdk_list" | "cookie";
  slug: string;
  title: LocalizedText;
  content: LocalizedText;
  summary: LocalizedText;
}> = [
  {
    kind: "children",
    slug: "children",
    title: { "zh-CN": "儿童个人信息保护规则", en: "Children's Personal Information Rules" },
    content: {
      "zh-CN":
        "# 儿童个人信息保护规则\n\n我们的服务面向成年人。我们不会在明知的情况下收集不满十四周岁儿童的个人信息。\n\n如果监护人发现儿童在未经同意的情况下注册了账户，请通过 [privacy@demo.example](mailto:privacy@demo.example) 联系我们，我们将尽快删除相关信息。",
      en: "# Children's Personal Information Rules\n\nOur service is for adults. We do not knowingly collect personal information of children under fourteen.\n\nIf a guardian finds that a child registered without consent, contact [privacy@demo.example](mailto:privacy@demo.example) and we will delete the information promptly.",
    },
    summary: {
      "zh-CN": "我们不面向不满十四周岁的儿童提供服务；监护人可要求删除。",
      en: "We do not serve children under fourteen; guardians can ask us to delete their data.",
    },
  },
  {
    kind: "sdk_list",
    slug: "third-parties",
    title: { "zh-CN": "第三方共享与 SDK 清单", en: "Third-Party Sharing and SDK List" },
    content: {
      "zh-CN":
        "# 第三方共享与 SDK 清单\n\n| 第三方 | 目的 | 个人信息 |\n| --- | --- | --- |\n| 支付宝（中国）网络技术有限公司 | 支付 | 支付账户标识、订单金额 |\n| 阿里云短信服务 | 验证码与交易通知 | 手机号码 |\n| 核销商户 | 团购券核销 | 买家手机号（单独同意后） |",
      en: "# Third-Party Sharing and SDK List\n\n| Third party | Purpose | Personal information |\n| --- | --- | --- |\n| Alipay (China) Network Technology | Payments | Payment account identifier, order amount |\n| Alibaba Cloud SMS | Codes and notices | Mobile number |\n| Redeeming merchants | Voucher redemption | Buyer's mobile number (with separate consent) |",
    },
    summary: {
      "zh-CN": "列出与我们共享个人信息的支付、短信服务商和核销商户。",
      en: "The payment and SMS providers and redeeming merchants we share data with.",
    },
  },
  {
    kind: "cookie",
    slug: "cookies",
    title: { "zh-CN": "Cookie 政策", en: "Cookie Policy" },
    content: {
      "zh-CN":
        "# Cookie 政策\n\n我们的网站只使用维持登录状态和记住语言偏好所必需的 Cookie，不使用广告追踪 Cookie。",
      en: "# Cookie Policy\n\nOur website uses only the cookies needed to keep you signed in and remember your language. We use no advertising cookies.",
    },
    summary: { "zh-CN": "仅使用必要的 Cookie。", en: "Only necessary cookies." },
  },
];

/** Internal staff rules (never public): staff in customer service and operations acknowledge each version. */
export const staffRulesTitle: LocalizedText = {
  "zh-CN": "员工个人信息保护守则",
  en: "Staff Personal Information Handling Rules",
};

export const staffRulesV1: LocalizedText = {
  "zh-CN": `# 员工个人信息保护守则

适用范围：客服部、运营部全体员工　生效日期：2026年3月1日

## 一、基本原则

只为完成本岗位的工作查看和使用用户的个人信息，用完即止。能用脱敏信息完成的工作，不查看完整信息。

## 二、查看与使用

1. 只在处理工单、核实交易或处理投诉时查看用户信息；
2. 需要查看完整手机号或身份证号时，在系统中点击“查看”并填写理由。每次查看都会记入审计日志，并由个人信息保护负责人定期抽查；
3. 不得把用户信息复制到个人电脑、个人邮箱、网盘或即时通讯群组。

## 三、对外提供

除用户已单独同意的核销场景外，不得向商户或其他任何第三方提供用户的联系方式。执法机关调取信息时，转交法务合规部处理，不得自行答复。

## 四、发现问题及时报告

发现个人信息可能泄露、被误发或被异常访问时，应在 **1 小时内** 报告个人信息保护负责人（[privacy@demo.example](mailto:privacy@demo.example)），不得自行删除记录。

## 五、违反后果

违反本守则的，视情节给予警告、调岗直至解除劳动合同；构成违法的，依法追究责任。`,
  en: `# Staff Personal Information Handling Rules

Applies to: all staff in Customer Service and Operations. Effective: 1 March 2026.

## 1. Principles

Look at and use users' personal information only to do your job, and only for as long as needed. If masked data is enough, do not open the full data.

## 2. Viewing and using data

1. View user data only to handle a ticket, verify a transaction or deal with a complaint.
2. To see a full phone or ID number, use "Reveal" in the system and give a reason. Every reveal is written to the audit log and spot-checked by the personal information protection officer.
3. Never copy user data to a personal computer, personal email, cloud drive or chat group.

## 3. Disclosure

Except for redemption where the user has given separate consent, never give a user's contact details to a merchant or any other third party. Pass requests from authorities to Legal & Compliance; do not answer them yourself.

## 4. Report problems at once

If personal information may have leaked, been sent to the wrong person or accessed unusually, report it to the personal information protection officer ([privacy@demo.example](mailto:privacy@demo.example)) **within one hour**. Do not delete any records.

## 5. Consequences

Breaches lead to a warning, reassignment or dismissal depending on their seriousness; unlawful conduct is pursued under the law.`,
};

export const staffRulesV1Summary: LocalizedText = {
  "zh-CN": "只为工作需要查看用户信息，查看完整信息须填写理由；不得外传；发现泄露 1 小时内报告。",
  en: "View user data only as your job needs, give a reason to reveal full data, never pass it on, and report a leak within one hour.",
};

const staffRulesScreensZh = `## 六、截图、录屏与外部工具

不得对含有用户个人信息的页面截图、拍照或录屏；不得将用户信息粘贴到外部翻译、生成式人工智能等未经公司批准的工具中。确需向同事说明问题时，使用工单内的脱敏信息。`;
const staffRulesScreensEn = `## 6. Screenshots, recordings and outside tools

Do not screenshot, photograph or record screens that show users' personal information, and do not paste user data into translation, generative AI or other tools the company has not approved. To explain a case to a colleague, use the masked data in the ticket.`;

/** v2 adds the rule on screenshots and outside tools: a material change, so everyone acknowledges again. */
export const staffRulesV2: LocalizedText = {
  "zh-CN": `${staffRulesV1["zh-CN"].replace("生效日期：2026年3月1日", "生效日期：2026年11月1日")}\n\n${staffRulesScreensZh}`,
  en: `${staffRulesV1.en.replace("Effective: 1 March 2026.", "Effective: 1 November 2026.")}\n\n${staffRulesScreensEn}`,
};

export const staffRulesV2Summary: LocalizedText = {
  "zh-CN":
    "新增：不得对含用户信息的页面截图或录屏，不得把用户信息粘贴到未经批准的外部工具（包括生成式人工智能）。",
  en: "New: no screenshots or recordings of screens showing user data, and no pasting user data into unapproved outside tools, including generative AI.",
};
