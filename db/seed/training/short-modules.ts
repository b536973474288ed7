import type { SeedCourse } from "./types";

/** 跨地区服务中的文化差异: customer service, once. */
export const culturalDifferences: SeedCourse = {
  code: "cross-region-service",
  title: ["跨地区服务中的文化差异", "Serving customers from other regions"],
  description: [
    "短课：为来自港澳台、欧洲和美国的用户服务时，隐私期待和沟通方式有哪些不同。",
    "Short module: how privacy expectations and communication differ when serving customers from Hong Kong, Macao, Taiwan, Europe and the United States.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "department", department: "客服", dueDays: 30, recurYearly: false },
  lessons: [
    {
      title: ["不同的期待，同样的尊重", "Different expectations, the same respect"],
      body: [
        `## 法律不同，期待也不同

平台的用户不只在中国内地。欧洲用户受 GDPR 保护，习惯于"查阅请求一个月内答复"，也更常明确提出删除和反对画像；加州用户可能通过浏览器发送 GPC 信号要求不"出售或共享"；香港用户适用《个人资料（私隐）条例》。用户所在地决定了适用的法律，控制台的用户档案会显示适用哪些法律。

## 沟通方式

- **用用户的语言答复**：用户用英文写来，用英文答复；不要求对方"说普通话"。
- **不要假设**：不凭姓名、口音判断对方的国籍或身份，也不因此询问无关信息。
- **称呼与语气**：欧美用户通常期待直接、书面、可留存的答复；口头承诺容易引起误解。
- **时区**：约定回电时间时写明时区。
- **证件**：境外用户没有内地身份证，核验身份仍只通过账户登记的联系方式，不要求提供护照照片。

## 不变的规则

无论用户来自哪里：先核验、再处理；请求登记到"请求"模块；不在聊天中索要不必要的证件。`,
        `## Different laws, different expectations

Not all our users are in mainland China. European users are protected by the GDPR and expect an access request to be answered within a month, and more often ask for deletion or object to profiling; Californians may send a GPC signal asking us not to "sell or share"; users in Hong Kong fall under the Personal Data (Privacy) Ordinance. Where users are decides which laws apply, and the customer profile in the console shows them.

## How we communicate

- **Answer in the customer's language**: a message in English gets an answer in English; never ask them to "speak Mandarin".
- **Do not assume**: do not guess nationality or status from a name or accent, or ask for unrelated information because of it.
- **Tone**: European and American customers usually expect a direct answer in writing they can keep; verbal promises cause misunderstandings.
- **Time zones**: state the time zone when you agree a call-back time.
- **Documents**: users abroad have no mainland ID card; identity is still verified only through the contact details on file, never with a passport photo.

## What does not change

Wherever the customer is: verify first, then act; log requests in the Requests module; never ask for documents in a chat that the task does not need.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "一位德国用户用英文发来查阅请求。以下做法哪项正确？",
        "A German user sends an access request in English. Which is right?",
      ],
      options: [
        ["要求对方用中文重新提交", "Ask them to resubmit in Chinese", false],
        [
          "用英文答复，登记请求，按适用法律的时限处理",
          "Answer in English, log the request and handle it within the clock of the law that applies",
          true,
        ],
        ["境外用户的请求不需要处理", "Requests from users abroad need no handling", false],
        ["要求对方先寄送护照复印件", "Ask for a copy of their passport first", false],
      ],
      why: [
        "用用户的语言沟通；适用 GDPR 的查阅请求原则上在一个月内答复。核验身份仍通过登记的联系方式，不收集护照复印件。",
        "Communicate in the customer's language; under the GDPR an access request is answered within one month. Identity is still verified through the contact details on file, without passport copies.",
      ],
    },
    {
      q: [
        "如何判断某位用户适用哪些隐私法律？",
        "How do you tell which privacy laws apply to a customer?",
      ],
      options: [
        ["根据姓名的拼写", "From how their name is spelt", false],
        ["根据通话口音", "From their accent on the phone", false],
        [
          "查看控制台用户档案中显示的适用法律",
          "From the applicable laws shown on their profile in the console",
          true,
        ],
        ["直接询问对方的国籍和护照号", "Ask for their nationality and passport number", false],
      ],
      why: [
        "适用法律由平台根据用户所在地等事实确定并显示在档案中。凭姓名或口音推断既不准确，也可能构成歧视；询问护照号收集了不必要的信息。",
        "The platform works out the applicable laws from facts such as where the user is and shows them on the profile. Guessing from a name or accent is unreliable and can be discriminatory; asking for a passport number collects information the task does not need.",
      ],
    },
    {
      q: [
        "和一位纽约用户约定回电时间，哪种说法最好？",
        "Agreeing a call-back time with a user in New York, which is best?",
      ],
      options: [
        ["“明天上午十点给您回电。”", "'We'll call you back at ten tomorrow morning.'", false],
        [
          "“北京时间明天 22:00（纽约时间上午 9:00）给您回电。”",
          "'We'll call you at 22:00 Beijing time tomorrow (9:00 in New York).'",
          true,
        ],
        ["“有空就给您回电。”", "'We'll call when we're free.'", false],
        [
          "“请您自己算好时差再等电话。”",
          "'Please work out the time difference and wait for our call.'",
          false,
        ],
      ],
      why: [
        "写明双方时区能避免误解，也体现对用户的尊重。",
        "Naming both time zones avoids confusion and respects the customer.",
      ],
    },
    {
      q: [
        "一位欧洲用户反对平台用其购买记录做个性化推荐。这应该如何处理？",
        "A European user objects to their purchases being used for personalised recommendations. How is this handled?",
      ],
      options: [
        [
          "解释这是行业惯例，无法关闭",
          "Explain it is industry practice and cannot be turned off",
          false,
        ],
        [
          "登记为请求，由隐私团队按适用法律处理，并告知用户可以在设置中关闭个性化推荐",
          "Log it as a request for the privacy team to handle under the applicable law, and tell the user they can switch personalisation off in settings",
          true,
        ],
        ["删除该用户的账号", "Delete the user's account", false],
        ["告诉用户去找欧洲的监管机构", "Tell them to go to a European regulator", false],
      ],
      why: [
        "GDPR 赋予反对权（第二十一条），《个人信息保护法》第二十四条也要求提供便捷的拒绝方式。登记后按流程处理，同时告诉用户现有的自助选项。",
        "The GDPR grants a right to object (Art. 21), and PIPL Art. 24 requires an easy way to refuse personalisation. Log it for the process and point the user to the self-service switch.",
      ],
    },
    {
      q: [
        "一位香港用户没有内地身份证，要求修改收款账户。正确做法是？",
        "A user in Hong Kong has no mainland ID card and wants to change their payout account. What is right?",
      ],
      options: [
        [
          "让对方把港澳通行证拍照发到客服邮箱",
          "Have them email a photo of their travel permit to support",
          false,
        ],
        [
          "和所有用户一样，由本人在 App 内通过登记的联系方式核验后自行修改",
          "As for every user, they change it themselves in the app after verification through the contact details on file",
          true,
        ],
        ["境外用户不允许修改收款账户", "Users abroad may not change payout accounts", false],
        [
          "客服核对姓名后在后台代改",
          "Support checks the name and changes it in the back office",
          false,
        ],
      ],
      why: [
        "核验规则不因地区而改变。修改收款账户是高风险操作，只能由本人在 App 内完成；通过邮件收集证件照片会产生不必要的敏感信息。",
        "Verification does not change with the region. Changing a payout account is high-risk and done only by the person in the app; collecting ID photos by email creates sensitive information we do not need.",
      ],
    },
  ],
};

/** 个人信息泄露对当事人的心理影响: everyone, once. */
export const breachImpact: SeedCourse = {
  code: "breach-impact",
  title: ["个人信息泄露对当事人的心理影响", "What a breach does to the people affected"],
  description: [
    "短课：泄露之后，受影响的用户经历了什么；我们的沟通如何减轻而不是加重伤害。",
    "Short module: what people go through after their information leaks, and how our communication can ease the harm instead of adding to it.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "everyone", dueDays: 45, recurYearly: false },
  lessons: [
    {
      title: ["数字背后是人", "Behind the numbers are people"],
      body: [
        `## 泄露带来的不只是经济损失

对事件报告而言，"12,000 条记录"是一个数字；对其中每一个人，它意味着：

- **焦虑和失控感**：不知道信息被谁拿走、会被怎么用；
- **持续的骚扰**：诈骗电话、贷款推销、冒充平台客服的"退款"电话；
- **信任受损**：对平台、对在线交易都失去信任；
- **羞耻和自责**：很多人会问"是不是我自己不小心"；
- 对老年用户和未成年人，影响往往更大。

研究和监管实践都把"精神损害"和"对个人权益的影响"作为评估事件严重程度的一部分。《个人信息保护法》第五十七条要求通知个人时说明**可能造成的危害**和**个人可以采取的减轻危害的措施**。

## 沟通原则

1. **说清楚**：发生了什么、涉及哪些信息、我们做了什么、您可以做什么，用普通人能懂的话。
2. **给行动**：例如"平台客服不会要求您提供验证码或转账"、"可以开启登录保护"。
3. **不推卸**：不暗示是用户自己的责任。
4. **可联系**：提供专门的联系渠道，接听的同事了解情况、有耐心。
5. **不夸大也不淡化**："您的信息绝对安全"和"问题不大"都不要说。`,
        `## A breach costs more than money

In an incident report "12,000 records" is a number; to each of those people it means:

- **anxiety and loss of control**: not knowing who has their information or what they will do with it;
- **lasting harassment**: scam calls, loan offers, fake "refund" calls from people posing as our support;
- **lost trust**: in the platform and in buying online at all;
- **shame and self-blame**: many ask "was it my own carelessness?";
- for older users and children the harm is often greater.

Research and regulators alike count distress and the impact on people's rights when judging how serious an incident is. PIPL Art. 57 requires a notice to people to state **the possible harm** and **what they can do to reduce it**.

## How we communicate

1. **Be clear**: what happened, which information, what we did, what you can do, in everyday words.
2. **Give actions**: for example "our support will never ask for a verification code or a transfer", "you can switch on sign-in protection".
3. **Do not shift blame**: never imply it was the user's fault.
4. **Be reachable**: a dedicated contact channel, answered by colleagues who know the facts and are patient.
5. **Neither exaggerate nor play down**: never say "your information is perfectly safe" or "it's nothing serious".`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "通知受影响用户时，《个人信息保护法》第五十七条要求说明哪些内容？（多选）",
        "What must a notice to affected people state under PIPL Art. 57? (Choose all that apply.)",
      ],
      options: [
        [
          "涉及的信息种类、原因和可能造成的危害",
          "The categories of information, the cause and the possible harm",
          true,
        ],
        [
          "已采取的补救措施和个人可以采取的减轻危害的措施",
          "The remedial measures taken and what people can do to reduce harm",
          true,
        ],
        ["处理者的联系方式", "The handler's contact details", true],
        ["负责员工的姓名和处分结果", "The responsible employee's name and discipline", false],
      ],
      why: [
        "第五十七条列明了通知的三类内容。公布员工姓名与用户减轻危害无关，还会泄露员工的个人信息。",
        "Article 57 lists these three items. Naming the employee does not help anyone reduce harm and discloses the employee's own information.",
      ],
    },
    {
      q: [
        "一位老年用户接到泄露通知后打来电话，非常焦虑，反复问“我的钱会不会被骗走”。最好的回应是？",
        "An elderly user calls after the breach notice, very anxious, asking again and again whether their money will be stolen. What is the best response?",
      ],
      options: [
        [
          "“您的信息绝对安全，不用担心。”",
          "'Your information is perfectly safe, don't worry.'",
          false,
        ],
        [
          "耐心说明涉及哪些信息，告诉对方平台客服不会索要验证码或要求转账，并留下专门的联系方式",
          "Patiently explain which information was involved, that our support will never ask for a code or a transfer, and give the dedicated contact",
          true,
        ],
        ["“这是您自己没保管好信息。”", "'You should have kept your information safer.'", false],
        [
          "建议对方直接去报警，然后结束通话",
          "Tell them to call the police and end the call",
          false,
        ],
      ],
      why: [
        "不夸大也不淡化，给出具体可做的事，减轻失控感；指责用户会加重羞耻和焦虑。",
        "Neither exaggerate nor play down; concrete actions ease the feeling of losing control. Blaming the user adds shame and anxiety.",
      ],
    },
    {
      q: [
        "泄露发生后，用户最常遇到的次生伤害是什么？",
        "After a leak, what secondary harm do users most often meet?",
      ],
      options: [
        ["账号自动注销", "Their account closes by itself", false],
        [
          "冒充平台客服的诈骗和骚扰电话",
          "Scam and harassment calls from people posing as our support",
          true,
        ],
        ["券自动过期", "Their vouchers expire", false],
        ["没有任何影响", "None at all", false],
      ],
      why: [
        "泄露的联系方式和订单信息常被用来冒充平台“退款”或“理赔”。提醒用户“平台不会索要验证码或要求转账”是最有效的减害措施之一。",
        "Leaked contact and order details are often used for fake 'refund' or 'compensation' calls in our name. Telling users we never ask for codes or transfers is one of the most effective ways to reduce harm.",
      ],
    },
    {
      q: [
        "为什么事件评估要考虑对当事人的心理影响，而不仅仅是记录条数？",
        "Why does assessing an incident weigh the effect on people, not only the number of records?",
      ],
      options: [
        ["因为条数无法统计", "Because records cannot be counted", false],
        [
          "因为同样的条数，涉及敏感信息或未成年人时对人的伤害可能大得多",
          "Because the same number of records can harm people far more when sensitive information or children are involved",
          true,
        ],
        ["因为心理影响可以代替法律报告义务", "Because distress replaces the duty to report", false],
        ["没有必要考虑", "It need not be weighed", false],
      ],
      why: [
        "风险取决于信息的性质和受影响的人。行踪轨迹、金融账户、未成年人信息泄露带来的伤害远大于一般信息；这也是 GDPR 第三十四条以“高风险”决定是否通知个人的原因。",
        "Risk depends on the kind of information and who is affected. Whereabouts, financial accounts or children's information harm far more than ordinary data; that is also why GDPR Art. 34 notifies people when the risk is high.",
      ],
    },
    {
      q: [
        "以下哪句话适合放进给用户的泄露通知？",
        "Which sentence belongs in a breach notice to users?",
      ],
      options: [
        [
          "“本次事件影响轻微，请勿过度关注。”",
          "'This incident is minor; please don't worry about it.'",
          false,
        ],
        [
          "“泄露的信息包括手机号和收货地址，不包括支付密码。平台客服不会要求您提供验证码或转账。”",
          "'The information involved is phone numbers and delivery addresses, not payment passwords. Our support will never ask you for a verification code or a transfer.'",
          true,
        ],
        [
          "“由于部分用户密码过于简单，导致了本次事件。”",
          "'This happened because some users chose weak passwords.'",
          false,
        ],
        ["“详情请咨询律师。”", "'Please consult a lawyer for details.'", false],
      ],
      why: [
        "好的通知具体、可行动、不推卸：说明涉及和不涉及的信息，并告诉用户如何防范次生诈骗。",
        "A good notice is specific, actionable and owns the problem: what was and was not involved, and how to guard against follow-on scams.",
      ],
    },
  ],
};

/** 平台的社会责任: new joiners. */
export const socialResponsibility: SeedCourse = {
  code: "social-responsibility",
  title: ["平台的社会责任", "The platform's social responsibility"],
  description: [
    "短课：作为连接大量买家和卖家的平台，我们在个人信息保护上承担的额外责任，以及每位员工的角色。",
    "Short module: the extra responsibility we carry for personal information as a platform connecting many buyers and sellers, and each colleague's part in it.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "everyone", dueDays: 30, recurYearly: false, joinersOnly: true },
  lessons: [
    {
      title: ["平台不只是中间人", "A platform is more than a go-between"],
      body: [
        `## 法律对平台的额外要求

《个人信息保护法》第五十八条：提供重要互联网平台服务、用户数量巨大、业务类型复杂的处理者，应当：

1. 建立健全个人信息保护合规制度体系，成立主要由**外部成员**组成的独立机构进行监督；
2. 制定平台规则，明确平台内产品或者服务提供者（对我们而言是入驻的商户）处理个人信息的规范和保护义务；
3. 对严重违法处理个人信息的平台内产品或者服务提供者，**停止提供服务**；
4. **定期发布个人信息保护社会责任报告**，接受社会监督。

《网络数据安全管理条例》（2025 年 1 月 1 日施行）第四十四条同样要求大型网络平台服务提供者每年发布个人信息保护社会责任报告。

## 对我们意味着什么

- **商户也要守规矩**：商户通过平台拿到的买家信息只能用于完成核销和售后，不得另作营销。发现违规要上报。
- **透明**：社会责任报告会公开请求答复时长、事件数量和处理情况——我们每个人的工作都会体现在里面。
- **弱势用户**：未成年人、老年人更容易受到诈骗和误导，设计和服务时多想一步。

## 每位员工的角色

完成培训、按时确认制度、发现问题及时上报、在设计和沟通中把用户放在心上。`,
        `## What the law asks of platforms

PIPL Article 58: a handler providing important internet platform services, with a very large number of users and complex business, shall:

1. build a complete compliance system for personal information, with an independent body made up mainly of **outside members** to oversee it;
2. set platform rules stating how the providers of products and services on the platform (for us, the merchants) must handle and protect personal information;
3. **stop serving** providers on the platform that seriously break the law in handling personal information;
4. **regularly publish a personal-information protection social-responsibility report** and accept public scrutiny.

The Network Data Security Management Regulations (in force 1 January 2025), Art. 44, likewise require large online platforms to publish such a report every year.

## What this means for us

- **Merchants follow the rules too**: buyer information a merchant gets through us is for redemption and after-sales only, never for its own marketing. Report any breach of this.
- **Transparency**: the social-responsibility report publishes how quickly we answer requests and how many incidents we had and handled; everyone's work shows in it.
- **Vulnerable users**: children and older people are more exposed to scams and misleading design; think one step further for them.

## Each colleague's part

Complete your training, acknowledge policies on time, report problems promptly, and keep the user in mind in design and communication.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "《个人信息保护法》第五十八条要求大型平台定期发布什么？",
        "What does PIPL Article 58 require a large platform to publish regularly?",
      ],
      options: [
        ["全部用户名单", "A list of all users", false],
        [
          "个人信息保护社会责任报告",
          "A personal-information protection social-responsibility report",
          true,
        ],
        ["员工的考核结果", "Staff performance reviews", false],
        ["商户的营业额", "Merchants' revenue", false],
      ],
      why: [
        "第五十八条第四项要求定期发布个人信息保护社会责任报告；《网络数据安全管理条例》第四十四条要求大型平台每年发布。",
        "Article 58(4) requires a regular social-responsibility report on personal-information protection; the Network Data Regulations (Art. 44) make it yearly for large platforms.",
      ],
    },
    {
      q: [
        "监督平台个人信息保护合规的独立机构，应当主要由谁组成？",
        "The independent body overseeing the platform's compliance should be made up mainly of whom?",
      ],
      options: [
        ["平台的销售团队", "The platform's sales team", false],
        ["外部成员", "Outside members", true],
        ["入驻商户", "Merchants on the platform", false],
        ["用户随机抽选", "Users drawn at random", false],
      ],
      why: [
        "第五十八条第一项：成立主要由外部成员组成的独立机构对个人信息保护情况进行监督。",
        "Article 58(1): an independent body made up mainly of outside members oversees personal-information protection.",
      ],
    },
    {
      q: [
        "你发现某入驻商户用核销时获得的买家手机号群发自己的促销短信。应该？",
        "You find a merchant texting its own promotions to buyers' phone numbers it got at redemption. You should:",
      ],
      options: [
        ["商户的事与平台无关", "It is the merchant's business, not ours", false],
        [
          "上报隐私团队，按平台规则处理该商户",
          "Report it to the privacy team so the merchant is dealt with under the platform rules",
          true,
        ],
        ["私下提醒商户，不必记录", "Have a quiet word with the merchant and record nothing", false],
        [
          "把这些买家的号码也给其他商户，以示公平",
          "Give the numbers to other merchants too, to be fair",
          false,
        ],
      ],
      why: [
        "平台规则限定商户只能把买家信息用于核销和售后。第五十八条要求平台对严重违法的平台内经营者停止提供服务；上报是处理的起点。",
        "Platform rules limit merchants to using buyer information for redemption and after-sales. Article 58 requires us to stop serving providers that seriously break the law; reporting starts that process.",
      ],
    },
    {
      q: [
        "以下哪些内容通常会体现在平台的社会责任报告中？（多选）",
        "Which of these usually appear in the platform's social-responsibility report? (Choose all that apply.)",
      ],
      options: [
        ["个人信息权利请求的答复时长", "How quickly privacy requests were answered", true],
        [
          "个人信息安全事件的数量和处理情况",
          "How many incidents occurred and how they were handled",
          true,
        ],
        ["员工培训的完成情况", "How much staff training was completed", true],
        ["某位用户的投诉原文", "A particular user's complaint, word for word", false],
      ],
      why: [
        "报告用统计数字接受社会监督，不公开任何个人的信息。培训完成率也是《个人信息保护法》第五十一条措施的证据。",
        "The report gives figures for public scrutiny and never any individual's information. Training completion is also evidence of the Article 51 measures.",
      ],
    },
    {
      q: [
        "设计一个面向所有用户的新活动时，为什么要特别考虑未成年人和老年人？",
        "Designing a new campaign for all users, why think especially of children and older people?",
      ],
      options: [
        ["因为他们消费最多", "Because they spend the most", false],
        [
          "因为他们更容易受到诈骗和误导，未成年人的信息还属于敏感个人信息",
          "Because they are more exposed to scams and misleading design, and children's information is sensitive",
          true,
        ],
        ["因为法律禁止他们使用平台", "Because the law bars them from the platform", false],
        ["不需要特别考虑", "There is no need to", false],
      ],
      why: [
        "第二十八条把不满十四周岁未成年人的信息列为敏感个人信息，第三十一条要求监护人同意；老年人是冒充客服诈骗的主要对象。平台的社会责任要求我们在设计时多想一步。",
        "Article 28 makes the information of children under 14 sensitive and Article 31 requires a guardian's consent; older people are the main targets of fake-support scams. Our social responsibility asks us to think one step further.",
      ],
    },
  ],
};
