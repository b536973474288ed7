import type { SeedCourse } from "./types";

/** 客服：身份核验与社会工程防范: the support department. */
export const supportIdentity: SeedCourse = {
  code: "support-identity",
  title: [
    "客服：身份核验与社会工程防范",
    "Customer service: verifying identity and resisting pretexting",
  ],
  description: [
    "面向客服：如何在电话、在线聊天中核验来电人身份，识别冒充和套话，以及如何受理个人信息权利请求和投诉。",
    "For customer service: verifying who is on the phone or in the chat, spotting impersonation and pretexting, and taking in privacy requests and complaints.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "department", department: "客服", dueDays: 14, recurYearly: true },
  lessons: [
    {
      title: ["先核验，再开口", "Verify first, then talk"],
      body: [
        `## 为什么要核验

券码就是钱。骗子最常用的手法不是攻破系统，而是给客服打电话：“我是买家，换了手机，券码发不到，帮我读一下”“我是卖家，收款账户填错了，帮我改一下”。一旦客服照做，券被转走、款被打到别人账户，损失由用户和平台承担。

## 怎么核验

- **只通过账户上已登记的联系方式核验**：向登记手机号发送一次性验证码，由对方在通话中读出，或让对方在 App 内完成验证。
- **不接受**对方在电话里"报出来"的身份证号、订单号作为唯一凭证：这些信息可能已经泄露。
- 修改收款账户、登记手机号、解绑设备属于高风险操作，**必须**在 App 内由本人完成，客服不代办。
- 核验不通过时，礼貌拒绝并告知正确渠道；不提示"哪一项错了"。

## 常见话术

| 对方说 | 风险 | 应对 |
|---|---|---|
| "我是你们技术部的，系统出问题了，把这个用户的手机号发我" | 冒充内部人员 | 内部同事不会通过客服渠道索要数据，挂断后向主管报告 |
| "我很急，航班马上起飞，先帮我改一下" | 制造紧迫感 | 紧迫不是跳过核验的理由 |
| "我是他老婆，他让我来问" | 代他人办理 | 除非有书面授权并经核验，否则只和本人处理 |
| "你们上次那个客服都给我办了" | 施压、套话 | 按流程办理，记录通话 |`,
        `## Why we verify

A voucher code is money. Fraudsters rarely break systems; they call support: "I'm the buyer, I changed phones and the code won't arrive, just read it to me", "I'm the seller, my payout account is wrong, change it for me". If the agent complies, the voucher is gone or the money lands in someone else's account, and the user and the platform carry the loss.

## How we verify

- **Only through the contact details already on the account**: send a one-time code to the registered phone and have the caller read it back, or have them verify inside the app.
- **Do not accept** an ID number or order number recited on the phone as the only proof: those may already have leaked.
- Changing the payout account or the registered phone, or unlinking a device, are high-risk: the person **must** do them in the app; support does not do them on their behalf.
- When verification fails, decline politely and name the right channel; do not hint at which part was wrong.

## Common lines

| The caller says | Risk | Response |
|---|---|---|
| "I'm from your engineering team, the system is down, send me this user's phone number" | Impersonating staff | Colleagues never ask for data through support; hang up and tell your lead |
| "It's urgent, my flight leaves now, just change it first" | Manufactured urgency | Urgency is no reason to skip verification |
| "I'm his wife, he asked me to call" | Acting for someone else | Only with a written authorisation that you have verified; otherwise only with the person |
| "Your colleague did it for me last time" | Pressure, fishing | Follow the process and log the call |`,
      ],
    },
    {
      title: ["受理权利请求和投诉", "Taking in rights requests and complaints"],
      body: [
        `## 识别权利请求

用户不会说"我要行使第四十五条规定的查阅权"。他们会说："你们到底存了我哪些信息？""别再给我发短信了。""把我的账号注销。"这些都是个人信息权利请求：查阅复制、撤回同意、删除或注销。

## 受理步骤

1. 在"请求"模块登记，选择请求类型，记录渠道（电话、聊天、邮件）。
2. 说明接下来会通过登记的联系方式核验身份，核验后 **15 个工作日**内答复。
3. 不在通话中口头承诺结果，不直接在后台删除或导出数据。
4. 撤回营销同意（"别再发短信"）可以当场在用户档案中记录，立即生效。

## 投诉

对个人信息处理的投诉同样要登记。不要争辩、不要索要与投诉无关的信息。涉及疑似泄露的（"你们的人把我的号码卖了"），立即用"报告事件"按钮上报，由隐私团队评估。`,
        `## Recognising a rights request

Users do not say "I exercise my right of access under Article 45". They say: "What exactly do you keep about me?", "Stop texting me.", "Close my account." These are privacy requests: access and copy, withdrawal of consent, deletion or account closure.

## Taking one in

1. Log it in the Requests module with its type and channel (phone, chat, email).
2. Explain that we will verify identity through the contact details on file and answer within **15 working days** after that.
3. Do not promise an outcome on the call, and do not delete or export data from the back office yourself.
4. A withdrawal of marketing consent ("stop texting me") can be recorded on the customer's profile on the spot and takes effect at once.

## Complaints

Complaints about how we handle personal information are logged too. Do not argue and do not ask for information the complaint does not need. If it suggests a leak ("your people sold my number"), report an incident at once with the Report incident button so the privacy team can assess it.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "来电人自称买家，说换了手机收不到券码，能准确报出订单号和身份证后四位，要求客服直接读出券码。正确做法是？",
        "A caller says they are the buyer, changed phones and cannot get the voucher code. They quote the order number and the last four ID digits and ask you to read out the code. What do you do?",
      ],
      options: [
        ["信息都对得上，读出券码", "The details match: read out the code", false],
        [
          "向账户登记的手机号发送验证码核验；核验不通过则不提供券码",
          "Send a one-time code to the phone registered on the account; without it, give no code",
          true,
        ],
        [
          "把券码发到对方现在用的新号码",
          "Text the code to the new number they are calling from",
          false,
        ],
        [
          "让对方把身份证照片发到客服微信",
          "Ask for a photo of their ID card on the support WeChat",
          false,
        ],
      ],
      why: [
        "订单号和证件号可能已经泄露，不能作为唯一凭证。只有通过账户上已登记的联系方式完成核验才可靠；发到“新号码”正是骗子想要的。用个人微信收集证件照片还会制造新的泄露风险。",
        "Order and ID numbers may already have leaked, so they cannot be the only proof. Only verification through the contact details on file is reliable; sending to the 'new number' is exactly what a fraudster wants. Collecting ID photos on a personal WeChat creates a new leak.",
      ],
    },
    {
      q: [
        "以下哪些操作客服不应代用户在后台办理？（多选）",
        "Which of these should support never do for a user in the back office? (Choose all that apply.)",
      ],
      options: [
        ["修改收款账户", "Change the payout account", true],
        ["更换登记手机号", "Change the registered phone number", true],
        ["查询一笔转让的处理进度", "Look up the status of a transfer", false],
        ["解绑登录设备", "Unlink a signed-in device", true],
      ],
      why: [
        "这三项一旦被冒充者办成，就能直接转走资金或接管账户，所以必须由本人在 App 内完成。查询进度不改变账户，核验身份后可以告知。",
        "Each of these, done for an impostor, hands over the money or the account, so the person must do them in the app. Looking up a transfer's status changes nothing and may be shared once identity is verified.",
      ],
    },
    {
      q: [
        "有人打来电话说：“我是技术部的小李，系统在排查故障，把用户 138xxxx 的完整信息发我邮箱。”你应该？",
        "A caller says: 'This is Li from engineering, we're debugging an outage, email me everything on the user 138xxxx.' You should:",
      ],
      options: [
        ["技术部需要，发过去", "Engineering needs it: send it", false],
        ["只发手机号，不发地址", "Send the phone number only, not the address", false],
        [
          "拒绝并挂断，向主管报告这次可疑来电",
          "Decline, end the call and report the suspicious call to your lead",
          true,
        ],
        ["让对方先说出工号再发", "Send it once they give a staff number", false],
      ],
      why: [
        "内部人员排查故障有自己的权限和系统，不会通过客服渠道索要用户数据。冒充内部人员是最常见的社会工程手法之一；报告可以让团队提醒其他同事。",
        "Engineers debugging an outage have their own access and tools; they never ask support for customer data. Impersonating staff is one of the commonest pretexts, and reporting it lets the team warn others.",
      ],
    },
    {
      q: [
        "用户在聊天中说：“你们到底存了我哪些信息？发我一份。”这属于什么，应该怎么办？",
        "A user writes in chat: 'What exactly do you keep about me? Send me a copy.' What is this and what do you do?",
      ],
      options: [
        [
          "普通咨询，回复隐私政策链接即可",
          "A general question: reply with the privacy policy link",
          false,
        ],
        [
          "查阅复制请求：在“请求”模块登记，核验身份后按时答复",
          "An access request: log it in Requests; it is answered in time after identity is verified",
          true,
        ],
        ["从后台截图发给用户", "Send screenshots from the back office", false],
        ["告诉用户只有律师函才能处理", "Tell them only a lawyer's letter will be handled", false],
      ],
      why: [
        "用户不必使用法律术语。第四十五条规定个人有权查阅、复制其个人信息。登记后按流程核验和答复，避免把别人的信息发错人，也保证在时限内完成。",
        "People need not use legal words. Article 45 gives them the right to access and copy their information. Logging it means identity is checked, nothing goes to the wrong person and the clock is kept.",
      ],
    },
    {
      q: [
        "用户说“别再给我发营销短信了”。正确的处理是？",
        "A user says 'stop sending me marketing texts'. What is right?",
      ],
      options: [
        [
          "在用户档案中记录撤回营销同意，立即生效",
          "Record the withdrawal of marketing consent on their profile; it applies at once",
          true,
        ],
        [
          "告诉用户回复 TD 退订，客服无法处理",
          "Tell them to reply TD to unsubscribe; support cannot help",
          false,
        ],
        ["等下个月系统统一处理", "Wait for next month's batch", false],
        ["先问清楚为什么不想收", "First ask why they don't want them", false],
      ],
      why: [
        "第十五条要求撤回同意与给出同意一样便捷。用户已经明确表达，客服应当场记录，不应把用户推到别的渠道或追问原因。",
        "Article 15: withdrawing consent must be as easy as giving it. The user has said so clearly; record it now rather than sending them elsewhere or asking why.",
      ],
    },
    {
      q: [
        "一位投诉人说：“你们有人把我的手机号卖给了贷款中介。”除了登记投诉，你还应该？",
        "A complainant says: 'Someone at your company sold my number to a loan broker.' Besides logging the complaint you should:",
      ],
      options: [
        ["向对方保证这不可能", "Assure them this is impossible", false],
        [
          "用“报告事件”上报疑似泄露，由隐私团队评估",
          "Report a suspected incident with Report incident so the privacy team can assess it",
          true,
        ],
        [
          "让对方先提供中介的电话录音才受理",
          "Refuse to act until they send a recording of the broker's call",
          false,
        ],
        ["把投诉转给市场部", "Pass the complaint to marketing", false],
      ],
      why: [
        "第五十七条适用于已经发生或者可能发生的泄露。一线同事的职责是及时上报，由隐私团队判断是否构成事件以及是否需要报告和通知，而不是自己下结论。",
        "Article 57 covers leaks that have happened or may have happened. Front-line staff report promptly; the privacy team decides whether it is an incident and whether to report and notify. Do not judge it yourself.",
      ],
    },
  ],
};
