import type { SeedCourse } from "./types";

/** 市场：同意与营销短信: the marketing department. */
export const marketing: SeedCourse = {
  code: "marketing-consent",
  title: ["市场：同意与营销短信", "Marketing: consent and marketing SMS"],
  description: [
    "面向市场团队：有效同意的条件、何时需要单独同意、营销短信的规则、个性化推送，以及海外用户的全球隐私控制（GPC）信号。",
    "For marketing: what makes consent valid, when separate consent is needed, the rules for marketing SMS, personalised pushes, and the Global Privacy Control (GPC) signal of users abroad.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "department", department: "市场", dueDays: 21, recurYearly: true },
  lessons: [
    {
      title: ["有效的同意", "Valid consent"],
      body: [
        `## 同意的条件（第十四条、第十五条）

- 在**充分知情**的前提下**自愿、明确**作出；
- 目的、方式或信息种类变化时，**重新取得**同意；
- 撤回同意要和给出同意一样**便捷**；
- 不得因个人不同意非必要的处理而拒绝提供产品或服务（第十六条）。

默认勾选、"继续使用即视为同意"、沉默都不是同意。

## 单独同意

以下情形需要单独同意（单独的弹窗或勾选，不和其他条款捆绑）：处理敏感个人信息（第二十九条）；向其他处理者提供个人信息（第二十三条）；公开个人信息（第二十五条）；向境外提供（第三十九条）。

例如：把用户名单提供给合作商户做联合营销，属于向其他处理者提供，需要告知接收方名称、联系方式、目的、方式和信息种类，并取得单独同意。

## 在系统里

营销用途在"用途"模块登记，每个用途有自己的同意记录。发送前由平台后端调用同意检查接口；检查不通过就不发。`,
        `## What consent needs (Arts. 14–15)

- It is given **voluntarily and explicitly**, on a **fully informed** basis;
- a change of purpose, method or information **needs consent again**;
- withdrawing it is as **easy** as giving it;
- a product or service may not be refused because someone declines processing it does not need (Art. 16).

Pre-ticked boxes, "using the app means you agree" and silence are not consent.

## Separate consent

These need separate consent (its own dialog or tick box, not bundled with other terms): handling sensitive information (Art. 29); providing information to another handler (Art. 23); making it public (Art. 25); transferring it abroad (Art. 39).

For example, giving a partner merchant our user list for a joint campaign is providing it to another handler: tell people the recipient's name, contact, purpose, method and categories, and get separate consent.

## In our systems

Marketing purposes are registered under Purposes, each with its own consent records. Before sending, the platform's backend calls the consent check; if it does not pass, nothing is sent.`,
      ],
    },
    {
      title: ["营销短信、个性化推送与 GPC", "Marketing SMS, personalised pushes and GPC"],
      body: [
        `## 营销短信

《广告法》第四十三条：未经当事人同意或者请求，不得以电子信息方式向其发送广告；发送时应明示发送者的真实身份和联系方式，并向接收者提供拒绝继续接收的方式。工信部《通信短信息服务管理规定》同样要求：未经用户同意或请求不得发送商业性短信息，用户明确拒绝后应停止发送。

因此每条营销短信都要：

- 只发给**同意营销短信**且未撤回的用户；
- 以【平台名称】签名开头；
- 附退订方式（如"回复 TD 退订"），退订立即生效。

交易通知（转让成功、券码到账）不是营销，不需要营销同意，但**不得夹带广告**。

## 个性化推送（第二十四条）

通过自动化决策向个人进行信息推送、商业营销，应当同时提供**不针对其个人特征的选项**，或者提供便捷的拒绝方式。

## 全球隐私控制（GPC）

来自加州等地的用户，浏览器可能发送 \`Sec-GPC: 1\`。根据 CCPA 实施细则第 7025 条，这必须被视为退出"出售和共享"的请求。平台已自动记录该信号；市场投放不得绕过它。`,
        `## Marketing SMS

Advertising Law Art. 43: no advertising may be sent by electronic message without the person's consent or request; the sender must state its real identity and contact details and offer a way to refuse further messages. The MIIT's SMS service rules say the same: no commercial SMS without consent or request, and stop once the user refuses.

So every marketing SMS:

- goes only to users who **consented to marketing SMS** and have not withdrawn;
- starts with the 【platform name】 signature;
- carries a way to unsubscribe (e.g. "reply TD to unsubscribe"), effective at once.

Transaction notices (transfer completed, code delivered) are not marketing and need no marketing consent, but **may not carry advertising**.

## Personalised pushes (Art. 24)

Pushing information or marketing to people through automated decision-making must come with **an option not based on their personal characteristics**, or an easy way to refuse.

## Global Privacy Control (GPC)

Browsers of users in California and elsewhere may send \`Sec-GPC: 1\`. Under the CCPA regulations (§7025) it must be treated as a request to opt out of sale and sharing. The platform records the signal automatically; campaigns may not work around it.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "注册页面上“我同意接收营销短信”的勾选框默认已勾选。这是有效的同意吗？",
        "On the sign-up page the box 'I agree to receive marketing SMS' is ticked by default. Is that valid consent?",
      ],
      options: [
        ["是，用户可以自己取消勾选", "Yes, the user can untick it", false],
        [
          "不是，同意必须由个人主动、明确作出",
          "No, consent must be an active and explicit choice of the person",
          true,
        ],
        ["是，只要隐私政策里写了", "Yes, as long as the privacy policy mentions it", false],
        ["只有对境外用户无效", "It is invalid only for users abroad", false],
      ],
      why: [
        "第十四条要求同意自愿、明确作出。默认勾选是平台替用户作出的选择，不是用户的明确意思表示；GDPR 同样如此。",
        "Article 14 requires consent to be voluntary and explicit. A pre-ticked box is the platform's choice, not the user's; the same holds under the GDPR.",
      ],
    },
    {
      q: [
        "合作商户希望拿到近期购买过其门店券的用户手机号，做联合回访营销。需要什么？",
        "A partner merchant wants the phone numbers of users who recently bought its vouchers, for a joint follow-up campaign. What is needed?",
      ],
      options: [
        ["不需要，用户买过该商户的券", "Nothing: the users bought that merchant's vouchers", false],
        [
          "告知接收方名称、联系方式、目的、方式和信息种类，并取得单独同意",
          "Tell users the recipient's name, contact, purpose, method and categories, and get separate consent",
          true,
        ],
        ["在用户协议里补一条即可", "Add a clause to the user terms", false],
        ["商户签保密协议即可", "A non-disclosure agreement with the merchant", false],
      ],
      why: [
        "商户有自己的营销目的，属于向其他个人信息处理者提供（第二十三条），需要充分告知并取得单独同意。保密协议不能代替个人的同意。",
        "The merchant pursues its own purpose, so this is providing information to another handler (Art. 23): full notice and separate consent. An NDA does not replace the person's consent.",
      ],
    },
    {
      q: [
        "一条营销短信必须包含哪些内容？（多选）",
        "What must a marketing SMS contain? (Choose all that apply.)",
      ],
      options: [
        ["【平台名称】签名", "The 【platform name】 signature", true],
        [
          "退订方式，例如“回复 TD 退订”",
          "A way to unsubscribe, such as 'reply TD to unsubscribe'",
          true,
        ],
        ["收件人的全名", "The recipient's full name", false],
        ["用户的上一笔订单号", "The user's last order number", false],
      ],
      why: [
        "《广告法》第四十三条要求明示发送者身份并提供拒绝方式；短信签名是对发送者身份的要求。短信里放姓名、订单号会增加信息暴露，且不是必需的。",
        "Advertising Law Art. 43 requires the sender's identity and a way to refuse; the SMS signature carries the identity. A name or order number adds exposure and is not needed.",
      ],
    },
    {
      q: [
        "“您转让的券已售出，款项将在 1 个工作日内到账”这条短信，末尾能否加上“新用户注册再送 20 元券”？",
        "Can the SMS 'Your voucher has sold; the money arrives within 1 working day' end with 'New users get a ¥20 voucher when they sign up'?",
      ],
      options: [
        ["可以，用户反正要收这条短信", "Yes, the user receives this text anyway", false],
        [
          "不可以，交易通知不得夹带广告，广告需要营销同意",
          "No: transaction notices may not carry advertising, which needs marketing consent",
          true,
        ],
        ["可以，只要加上退订方式", "Yes, if an unsubscribe option is added", false],
        ["只有晚上不可以", "Only not at night", false],
      ],
      why: [
        "交易通知的合法性基础是履行合同，不需要营销同意；一旦夹带广告，就成了未经同意发送的商业短信。",
        "A transaction notice rests on performing the contract and needs no marketing consent; add an advert and it becomes a commercial message sent without consent.",
      ],
    },
    {
      q: [
        "一位加州用户的浏览器发送了 Sec-GPC: 1。对市场投放意味着什么？",
        "A Californian user's browser sends Sec-GPC: 1. What does that mean for campaigns?",
      ],
      options: [
        [
          "没有意义，GPC 只是浏览器的实验功能",
          "Nothing, GPC is an experimental browser feature",
          false,
        ],
        [
          "视为该用户退出“出售和共享”，不得将其数据用于跨情境行为广告",
          "Treat it as opting out of sale and sharing: no cross-context behavioural advertising with their data",
          true,
        ],
        [
          "只要用户登录后重新同意即可忽略",
          "It can be ignored once the user signs in and consents again",
          false,
        ],
        ["只适用于中国用户", "It applies only to users in China", false],
      ],
      why: [
        "CCPA 实施细则第 7025 条要求把 GPC 等退出偏好信号作为有效的退出请求处理。平台记录了该信号，投放系统必须遵守。",
        "The CCPA regulations (§7025) require an opt-out preference signal such as GPC to be honoured as a valid opt-out request. The platform records it and campaigns must follow it.",
      ],
    },
    {
      q: [
        "首页的“猜你喜欢”根据用户浏览和购买记录推荐转让券。第二十四条要求我们同时提供什么？",
        "The home page's 'picked for you' recommends vouchers from browsing and purchases. What does Article 24 require alongside it?",
      ],
      options: [
        [
          "不针对个人特征的选项，或便捷的拒绝方式",
          "An option not based on personal characteristics, or an easy way to refuse",
          true,
        ],
        ["用户的推荐算法源代码", "The recommendation algorithm's source code", false],
        ["每次推荐前发送短信确认", "An SMS confirmation before every recommendation", false],
        ["无需任何安排", "Nothing at all", false],
      ],
      why: [
        "第二十四条第二款：通过自动化决策方式向个人进行信息推送、商业营销，应当同时提供不针对其个人特征的选项，或者向个人提供便捷的拒绝方式。",
        "Article 24(2): pushing information or marketing through automated decisions must come with an option not targeting personal characteristics, or a convenient way to refuse.",
      ],
    },
  ],
};
