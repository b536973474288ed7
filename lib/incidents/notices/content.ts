import type { CustomerLaw } from "@/db/schema/customers";
import type { NoticeTexts } from "@/db/schema/incidents";
import type { MessageLocale } from "@/lib/outbox/templates";

type Localized = Record<MessageLocale, string>;
type Section = keyof NoticeTexts | "categories" | "fraud";

/**
 * What a notice to the people affected must hold, per law, as data with its source: the title and
 * the headed sections in order. Every law's template exists in both languages; a person gets the
 * one of the law that applies to them first, in that law's language (noticeLocale).
 */
export const noticeTemplates: Record<
  CustomerLaw,
  { source: string; title: Localized; sections: Array<{ part: Section; heading: Localized }> }
> = {
  PIPL: {
    source:
      "PIPL Art. 57 (in force 2021-11-01): the kinds of information, the cause and possible harm; the remedial measures taken and what the person can do to reduce harm; the contact. Network Data Security Management Regulations Art. 11 (2025-01-01): notice by phone, SMS, instant message or email",
    title: {
      "zh-CN": "个人信息安全事件告知",
      en: "Notice of a personal information security incident",
    },
    sections: [
      { part: "cause", heading: { "zh-CN": "发生了什么", en: "What happened" } },
      {
        part: "categories",
        heading: { "zh-CN": "涉及的个人信息种类", en: "Kinds of personal information involved" },
      },
      { part: "harm", heading: { "zh-CN": "可能造成的危害", en: "Possible harm" } },
      { part: "measures", heading: { "zh-CN": "我们已采取的补救措施", en: "What we have done" } },
      { part: "advice", heading: { "zh-CN": "您可以采取的措施", en: "What you can do" } },
      { part: "fraud", heading: { "zh-CN": "防诈骗提示", en: "Beware of scams" } },
      { part: "contact", heading: { "zh-CN": "联系我们", en: "Contact us" } },
    ],
  },
  GDPR: {
    source:
      "GDPR Art. 34(2) (2018-05-25): in clear and plain language, the nature of the breach and at least the items of Art. 33(3)(b)–(d): the contact point (DPO), the likely consequences, the measures taken or proposed",
    title: { "zh-CN": "个人数据泄露通知", en: "Notice of a personal data breach" },
    sections: [
      { part: "cause", heading: { "zh-CN": "事件经过", en: "What happened" } },
      { part: "categories", heading: { "zh-CN": "涉及的个人数据", en: "Personal data concerned" } },
      { part: "harm", heading: { "zh-CN": "可能的后果", en: "Likely consequences" } },
      {
        part: "measures",
        heading: { "zh-CN": "已采取或拟采取的措施", en: "Measures taken or proposed" },
      },
      { part: "advice", heading: { "zh-CN": "您可以采取的措施", en: "What you can do" } },
      { part: "fraud", heading: { "zh-CN": "防诈骗提示", en: "Beware of scams" } },
      {
        part: "contact",
        heading: { "zh-CN": "联系人（数据保护官）", en: "Contact point (data protection officer)" },
      },
    ],
  },
  CCPA: {
    source:
      "Cal. Civ. Code §1798.82(d)(1) (as amended, in force 2026-01-01): titled 'Notice of Data Breach' with the headings What Happened, What Information Was Involved, What We Are Doing, What You Can Do, For More Information; verify with counsel",
    title: { "zh-CN": "数据泄露通知", en: "Notice of Data Breach" },
    sections: [
      { part: "cause", heading: { "zh-CN": "发生了什么", en: "What Happened" } },
      { part: "harm", heading: { "zh-CN": "可能的影响", en: "What This Means for You" } },
      {
        part: "categories",
        heading: { "zh-CN": "涉及的信息", en: "What Information Was Involved" },
      },
      { part: "measures", heading: { "zh-CN": "我们正在做什么", en: "What We Are Doing" } },
      { part: "advice", heading: { "zh-CN": "您可以做什么", en: "What You Can Do" } },
      { part: "fraud", heading: { "zh-CN": "防诈骗提示", en: "Beware of Scams" } },
      { part: "contact", heading: { "zh-CN": "更多信息", en: "For More Information" } },
    ],
  },
};

/**
 * The anti-fraud warning every notice carries whatever the officer writes: the harm a leak of
 * phone numbers does to a person is scam calls and messages (防诈骗提示). 96110 is the national
 * anti-fraud warning line.
 */
export const fraudWarning: Localized = {
  "zh-CN":
    "不法分子可能利用泄露的手机号，冒充本平台客服、商户、快递员或公检法人员给您打电话、发短信。本平台不会以任何理由要求您转账、提供银行卡密码或短信验证码。请勿点击陌生链接、勿向陌生账户转账；如有疑问，请挂断后通过官方渠道核实，或拨打 96110 反诈专线。",
  en: "Criminals may use leaked phone numbers to call or text you pretending to be us, a merchant, a courier or the police. We will never ask you to transfer money or to give a card password or a verification code. Do not click links you do not know or pay unknown accounts; if in doubt, hang up and check with us through our official app.",
};

/** The language a law's notice is written in. */
export const noticeLocale = (law: CustomerLaw): MessageLocale => (law === "PIPL" ? "zh-CN" : "en");

/** The default wording the officer starts from, in each language; `portal` is the organisation's request portal. */
export function defaultNoticeTexts(
  summary: string,
  portal: string,
): Record<MessageLocale, NoticeTexts> {
  return {
    "zh-CN": {
      cause: summary,
      harm: "上述信息可能已被他人获取，可能被用于冒充平台进行电话、短信诈骗或发送骚扰信息。",
      measures:
        "我们在发现后立即采取了补救措施，封堵了相关漏洞，已向主管部门报告，并正在持续调查、加强安全防护。",
      advice:
        "请警惕陌生来电和短信，修改平台登录密码，留意账户和支付记录中的异常；如发现异常，请及时联系我们。",
      contact: `如有疑问，请通过 ${portal} 联系我们的个人信息保护负责人，或拨打 App 内的客服热线。`,
    },
    en: {
      cause: summary,
      harm: "The information above may have been obtained by others and could be used for scam calls or text messages pretending to be us, or for unwanted messages.",
      measures:
        "As soon as we found it we took remedial measures, closed the gap, reported it to the authorities, and we are investigating and strengthening our security.",
      advice:
        "Be wary of unexpected calls and messages, change your password, and watch your account and payment records; tell us at once if anything looks wrong.",
      contact: `If you have questions, contact our data protection officer at ${portal}, or call the support line in the app.`,
    },
  };
}

/**
 * The notice's title and text for one law and language: each section under its heading, the
 * kinds of information named in that language, when the incident was discovered, the fraud warning.
 */
export function composeNotice(
  law: CustomerLaw,
  locale: MessageLocale,
  facts: { reference: string; discoveredOn: string; categories: string[]; texts: NoticeTexts },
): { title: string; content: string } {
  const template = noticeTemplates[law];
  const none = { "zh-CN": "（调查中）", en: "(under investigation)" }[locale];
  const discovered = {
    "zh-CN": `（事件编号 ${facts.reference}，发现于 ${facts.discoveredOn}）`,
    en: ` (incident ${facts.reference}, discovered on ${facts.discoveredOn})`,
  }[locale];
  const part = (p: Section): string => {
    if (p === "categories")
      return facts.categories.length > 0
        ? facts.categories.join(locale === "en" ? ", " : "、")
        : none;
    if (p === "fraud") return fraudWarning[locale];
    if (p === "cause") return `${facts.texts.cause}${discovered}`;
    return facts.texts[p];
  };
  const content = template.sections
    .map((s) => `${s.heading[locale]}${locale === "en" ? ":" : "："}\n${part(s.part)}`)
    .join("\n\n");
  return { title: template.title[locale], content: `${template.title[locale]}\n\n${content}` };
}
