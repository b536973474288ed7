import type { MessageChannel } from "@/db/schema/outbox";

export const messageLocales = ["zh-CN", "en"] as const;
export type MessageLocale = (typeof messageLocales)[number];
type Localized = Record<MessageLocale, string>;

interface MessageTemplate {
  /** Email subject (SMS has none). */
  subject: Localized;
  /** SMS text; emails use it too unless `email` is given. */
  body: Localized;
  email?: Localized;
  /** Parameters the text needs besides `platform` (the organisation's name, filled in by the outbox). */
  params: readonly string[];
}

/**
 * Every message the platform sends (to a customer, or an invitation to a colleague), as data. Texts name the sender in 【】 as Chinese
 * SMS regulations require; `{name}` placeholders are filled from the message's parameters.
 */
export const messageTemplates = {
  "portal.code": {
    subject: { "zh-CN": "【{platform}】验证码", en: "{platform}: your verification code" },
    body: {
      "zh-CN": "【{platform}】您的验证码是 {code}，10 分钟内有效。如非本人操作请忽略。",
      en: "[{platform}] Your verification code is {code}. It is valid for 10 minutes. If you did not ask for it, please ignore this message.",
    },
    params: ["code"],
  },
  // To a minor's guardian (PIPL Art. 31): the code proves the guardian holds this contact. It
  // names no child: whoever holds the phone learns only that a guardian's consent was asked here.
  "portal.guardian_code": {
    subject: {
      "zh-CN": "【{platform}】监护人验证码",
      en: "{platform}: your guardian verification code",
    },
    body: {
      "zh-CN":
        "【{platform}】您正在以监护人身份为未满十四周岁的未成年人同意个人信息处理，验证码是 {code}，10 分钟内有效。如非本人操作请忽略。",
      en: "[{platform}] You are giving consent as the guardian of a child under 14. Your verification code is {code}. It is valid for 10 minutes. If you did not ask for it, please ignore this message.",
    },
    params: ["code"],
  },
  // An invitation into the console: who invites, to what role, until when, and the link (its token
  // is in the fragment, so it never reaches a server log). Nothing about the person's account.
  invitation: {
    subject: {
      "zh-CN": "【{platform}】邀请您加入 Privacy Desk",
      en: "{platform}: you are invited to Privacy Desk",
    },
    body: {
      "zh-CN":
        "【{platform}】{inviter} 邀请您以“{role}”身份加入 {platform} 的 Privacy Desk 隐私合规工作台。请在 {expiresOn} 前打开以下链接接受邀请：\n{link}\n接受前您不会成为该组织的成员。如果您没有预期收到此邀请，请忽略本邮件。",
      en: "[{platform}] {inviter} invites you to join {platform} on Privacy Desk, the privacy compliance console, as {role}. Open this link by {expiresOn} to accept:\n{link}\nYou do not become a member until you accept. If you were not expecting this invitation, ignore this email.",
    },
    params: ["inviter", "role", "expiresOn", "link"],
  },
  // To the incident's assignee and the privacy officers when a clock passes unrecorded: the
  // reference, the clock and when it was due, nothing of what happened.
  "incident.clock_passed": {
    subject: {
      "zh-CN": "【{platform}】事件 {reference} 的时限已超过",
      en: "{platform}: a clock on incident {reference} has passed",
    },
    body: {
      "zh-CN":
        "【{platform}】事件 {reference} 的“{clock}”已于 {dueAt}（北京时间）到期，尚未记录报告或通知。请在 Privacy Desk 中打开该事件处理，逾期报告须说明原因。",
      en: '[{platform}] The clock "{clock}" on incident {reference} was due at {dueAt} (Beijing time) and nothing has been recorded. Open the incident in Privacy Desk; a late report must give the reasons for the delay.',
    },
    params: ["reference", "clock", "dueAt"],
  },
  // Training reminders to the person who must take a course, and the escalation to their
  // department's head: the course and its due date (and, to the head, the colleague's name).
  "training.due_soon": {
    subject: {
      "zh-CN": "【{platform}】培训“{course}”将于 {dueOn} 到期",
      en: "{platform}: the course “{course}” is due on {dueOn}",
    },
    body: {
      "zh-CN":
        "【{platform}】您被指派的培训“{course}”将于 {dueOn} 到期。请在 Privacy Desk 的“我的任务”中完成课程和测验。",
      en: "[{platform}] The course “{course}” assigned to you is due on {dueOn}. Complete its lessons and quiz from My tasks in Privacy Desk.",
    },
    params: ["course", "dueOn"],
  },
  "training.overdue": {
    subject: {
      "zh-CN": "【{platform}】培训“{course}”已逾期",
      en: "{platform}: the course “{course}” is overdue",
    },
    body: {
      "zh-CN":
        "【{platform}】您被指派的培训“{course}”已于 {dueOn} 到期，尚未完成。请尽快在 Privacy Desk 中完成；逾期 {escalateAfter} 天后将通知您的部门负责人。",
      en: "[{platform}] The course “{course}” assigned to you was due on {dueOn} and is not complete. Please complete it in Privacy Desk; {escalateAfter} days after the due date your department head is told.",
    },
    params: ["course", "dueOn", "escalateAfter"],
  },
  "training.escalated": {
    subject: {
      "zh-CN": "【{platform}】{person} 的培训“{course}”已逾期",
      en: "{platform}: {person}'s course “{course}” is overdue",
    },
    body: {
      "zh-CN":
        "【{platform}】您部门的 {person} 被指派的培训“{course}”已于 {dueOn} 到期，至今未完成。请提醒其尽快完成；部门完成情况可在 Privacy Desk 中查看。",
      en: "[{platform}] {person} in your department was due to complete the course “{course}” on {dueOn} and has not. Please remind them; your department's completion is in Privacy Desk.",
    },
    params: ["person", "course", "dueOn"],
  },
  // To a customer an incident affected (PIPL Art. 57, GDPR Art. 34, Cal. Civ. Code §1798.82):
  // the notice the officer worded and previewed, composed per law by lib/incidents/notices.
  "incident.notice": {
    subject: { "zh-CN": "【{platform}】{title}", en: "{platform}: {title}" },
    body: { "zh-CN": "【{platform}】{content}", en: "[{platform}] {content}" },
    params: ["title", "content"],
  },
  // What a data-subject requester is told at each step: only what they already know (the
  // organisation, the reference, dates, a rejection's reason written for them, and on receipt
  // their own tracking link). Message bodies stay on the tracking page, which only that link opens.
  "request.received": {
    subject: {
      "zh-CN": "【{platform}】已收到您的个人信息权利请求 {reference}",
      en: "{platform}: we received your request {reference}",
    },
    body: {
      "zh-CN":
        "【{platform}】我们已收到您的个人信息权利请求（编号 {reference}），将依法处理。请通过以下跟踪链接查看进度并回复我们的留言（链接仅限本人使用，请勿转发）：\n{link}",
      en: "[{platform}] We received your privacy request (reference {reference}) and will handle it as the law requires. Follow it and answer our messages with this tracking link (it is yours alone; do not forward it):\n{link}",
    },
    params: ["reference", "link"],
  },
  "request.verified": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 身份核验完成",
      en: "{platform}: identity verified for {reference}",
    },
    body: {
      "zh-CN": "【{platform}】您的请求 {reference} 已完成身份核验，我们将于 {dueOn} 前答复。",
      en: "[{platform}] We verified your identity for request {reference}. We will respond by {dueOn}.",
    },
    params: ["reference", "dueOn"],
  },
  "request.waiting": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 需要您补充信息",
      en: "{platform}: we need something from you for {reference}",
    },
    body: {
      "zh-CN":
        "【{platform}】处理您的请求 {reference} 需要您补充信息，请打开跟踪链接查看留言并回复。在您回复前，处理期限暂停计算。",
      en: "[{platform}] To continue with request {reference} we need more information from you. Open your tracking link to read our message and reply. The deadline is paused until you answer.",
    },
    params: ["reference"],
  },
  "request.extended": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 的处理期限已延长",
      en: "{platform}: the deadline for {reference} is extended",
    },
    body: {
      "zh-CN":
        "【{platform}】因请求复杂或数量较多，您的请求 {reference} 的答复期限延长至 {dueOn}，原因见跟踪链接。",
      en: "[{platform}] Because of the complexity or number of requests, we extended the deadline for request {reference} to {dueOn}. The reason is on your tracking page.",
    },
    params: ["reference", "dueOn"],
  },
  "request.rejected": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 的处理结果",
      en: "{platform}: the outcome of {reference}",
    },
    body: {
      "zh-CN": "【{platform}】我们无法满足您的请求 {reference}。理由：{reason}{remedy}",
      en: "[{platform}] We cannot grant your request {reference}. Reason: {reason}{remedy}",
    },
    params: ["reference", "reason", "remedy"],
  },
  "request.completed": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 已处理完成",
      en: "{platform}: request {reference} is complete",
    },
    body: {
      "zh-CN": "【{platform}】您的请求 {reference} 已处理完成，详情请查看跟踪链接。",
      en: "[{platform}] Your request {reference} is complete. See your tracking page for the details.",
    },
    params: ["reference"],
  },
  "request.message": {
    subject: {
      "zh-CN": "【{platform}】请求 {reference} 有新留言",
      en: "{platform}: a new message about {reference}",
    },
    body: {
      "zh-CN": "【{platform}】关于您的请求 {reference}，我们给您留言了，请打开跟踪链接查看。",
      en: "[{platform}] We sent you a message about request {reference}. Open your tracking link to read it.",
    },
    params: ["reference"],
  },
} as const satisfies Record<string, MessageTemplate>;

export type TemplateKey = keyof typeof messageTemplates;
/** The request steps a requester hears about (templates `request.<notice>`). */
export type RequestNotice = TemplateKey extends infer K
  ? K extends `request.${infer N}`
    ? N
    : never
  : never;

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`missing message parameter: ${name}`);
    return value;
  });
}

/** The subject (email only) and text of one message in the customer's language. */
export function renderMessage(
  key: TemplateKey,
  channel: MessageChannel,
  locale: MessageLocale,
  params: Record<string, string>,
) {
  const template: MessageTemplate = messageTemplates[key];
  const body =
    channel === "email" && template.email ? template.email[locale] : template.body[locale];
  return {
    subject: channel === "email" ? fill(template.subject[locale], params) : null,
    body: fill(body, params),
  };
}
