import type { SeedCourse } from "./types";

/** 个人信息保护基础: every member of staff, yearly, reassigned when the staff rules change. */
export const piplEssentials: SeedCourse = {
  code: "pipl-essentials",
  title: ["个人信息保护基础", "PIPL essentials"],
  description: [
    "面向全体员工：什么是个人信息和敏感个人信息，处理个人信息的合法性基础与基本原则，用户的权利，以及在团购券转让业务中每天会遇到的情形。",
    "For all staff: what personal and sensitive personal information are, the legal bases and principles for handling them, people's rights, and the situations our voucher-transfer business meets every day.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "everyone", dueDays: 30, recurYearly: true },
  linkStaffRules: true,
  lessons: [
    {
      title: ["我们处理哪些个人信息", "The personal information we handle"],
      body: [
        `## 什么是个人信息

《个人信息保护法》（2021 年 11 月 1 日施行）第四条：个人信息是以电子或者其他方式记录的、与已识别或者可识别的自然人有关的各种信息，**不包括匿名化处理后的信息**。

在我们的团购券转让平台上，这包括：

- 买家和卖家的手机号、昵称、收货地址、实名认证的身份证号；
- 订单、转让记录、券码的使用记录（能关联到具体的人）；
- 收款账户、支付流水；
- 客服聊天记录、通话录音、投诉内容；
- 设备标识、登录 IP、位置信息。

## 敏感个人信息

第二十八条列出的敏感个人信息，一旦泄露或被非法使用，容易导致人格尊严受损或人身、财产安全受到危害：生物识别、宗教信仰、特定身份、医疗健康、**金融账户**、**行踪轨迹**，以及**不满十四周岁未成年人**的个人信息。

我们平台的收款账户、身份证号和定位信息都属于这一类。处理敏感个人信息需要特定的目的和充分的必要性、严格的保护措施，并取得个人的**单独同意**（第二十九条）。不满十四周岁的，须取得父母或其他监护人的同意（第三十一条）。

## 在工作中

- 只查看完成当前工作所需的信息；客服后台默认显示掩码，查看完整号码要写明理由，会被记录。
- 不把用户信息复制到个人微信、私人邮箱或本地表格。
- 对外发送数据前确认对方在供应商名录中、合同约定了处理范围。`,
        `## What personal information is

Article 4 of the Personal Information Protection Law (PIPL, in force since 1 November 2021): personal information is any information, recorded electronically or otherwise, relating to an identified or identifiable natural person, **excluding information that has been anonymised**.

On our voucher-transfer platform this includes:

- buyers' and sellers' phone numbers, nicknames, delivery addresses and the ID numbers of real-name verification;
- orders, transfers and the redemption history of vouchers (where they link to a person);
- payout accounts and payment records;
- customer-service chats, call recordings and complaints;
- device identifiers, sign-in IP addresses and location.

## Sensitive personal information

Article 28 lists the information whose leak or misuse easily harms a person's dignity, safety or property: biometrics, religious belief, specific identity, medical health, **financial accounts**, **whereabouts**, and all personal information of **children under 14**.

Our payout accounts, ID numbers and location data are in this group. Handling them needs a specific purpose and sufficient necessity, strict protection and the person's **separate consent** (Art. 29). For a child under 14, a parent or guardian consents (Art. 31).

## At work

- Look only at what the task in front of you needs; the support console shows masked values, and revealing a full number asks for a reason and is recorded.
- Never copy customers' information into personal WeChat, private email or a local spreadsheet.
- Before sending data out, check that the recipient is in the vendor register and that the contract sets what it may do.`,
      ],
    },
    {
      title: ["合法性基础、原则和用户的权利", "Legal bases, principles and people's rights"],
      body: [
        `## 合法性基础（第十三条）

处理个人信息必须有下列情形之一：取得个人同意；订立、履行个人作为一方当事人的合同所必需，或人力资源管理所必需；履行法定职责或法定义务所必需；应对突发公共卫生事件或紧急情况下保护生命健康和财产安全所必需；为公共利益实施新闻报道、舆论监督；在合理范围内处理个人自行公开或其他已经合法公开的信息；法律、行政法规规定的其他情形。

**《个人信息保护法》没有"合法利益"这一基础。** 为完成转让订单而处理买卖双方的联系方式属于履行合同所必需；给用户发营销短信则需要同意。

## 基本原则（第五条至第九条）

1. 合法、正当、必要和诚信，不得误导、欺诈、胁迫；
2. 目的明确、合理，限于实现目的的**最小范围**；
3. 公开处理规则，明示目的、方式和范围；
4. 保证信息质量，避免不准确、不完整；
5. 对处理活动负责，采取措施保障安全。

## 用户的权利（第四十四条至第五十条）

用户有权知情、决定、限制或拒绝处理；查阅、复制，并可请求转移到其指定的处理者；更正、补充；删除；要求我们解释处理规则。近亲属在一定条件下可以对死者的信息行使这些权利。

我们必须建立便捷的受理机制。拒绝请求要说明理由，个人可以依法向法院起诉。平台承诺在核验身份后 **15 个工作日**内答复。

收到任何此类请求——无论来自电话、客服聊天还是邮件——都要登记到"请求"模块，**不要**自行口头答复或直接删除数据。`,
        `## Legal bases (Art. 13)

Handling personal information needs one of these: the person's consent; necessity to conclude or perform a contract the person is party to, or for human-resources management; necessity for a legal duty or obligation; responding to a public-health emergency or protecting life, health and property in an emergency; news reporting and public-opinion supervision in the public interest; information the person made public, or that was lawfully made public, within a reasonable scope; other cases set by laws and regulations.

**The PIPL has no "legitimate interest" basis.** Using the buyer's and seller's contact details to complete a transfer is necessary for the contract; sending someone a marketing SMS needs their consent.

## Principles (Arts. 5–9)

1. Lawful, legitimate, necessary and in good faith: no misleading, fraud or coercion;
2. a clear and reasonable purpose, limited to the **minimum** the purpose needs;
3. open handling rules that state the purpose, method and scope;
4. accurate and complete information;
5. accountability for the processing and measures that keep it secure.

## People's rights (Arts. 44–50)

People may know and decide, restrict or refuse processing; access and copy their information and ask for it to be transferred to a handler they name; correct and complete it; have it deleted; and ask us to explain our handling rules. Close relatives may exercise these rights over a deceased person's information in some cases.

We must offer a convenient way to make requests. A refusal must give its reasons, and the person may sue. The platform commits to answer within **15 working days** after verifying identity.

Whatever channel a request arrives by (a call, a support chat, an email), log it in the Requests module; **do not** answer it informally or delete data yourself.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "以下哪一项不属于《个人信息保护法》所称的个人信息？",
        "Which of these is not personal information under the PIPL?",
      ],
      options: [
        ["某买家的手机号和收货地址", "A buyer's phone number and delivery address", false],
        [
          "能关联到具体用户的券码使用记录",
          "Voucher redemptions that link to a specific user",
          false,
        ],
        [
          "经匿名化处理、无法识别且不能复原的全站成交量统计",
          "Site-wide sales statistics anonymised so that no one can be identified or re-identified",
          true,
        ],
        ["客服通话录音", "A customer-service call recording", false],
      ],
      why: [
        "第四条明确排除匿名化处理后的信息。只有经过处理无法识别特定自然人且不能复原的信息才算匿名化；仅仅去掉姓名的明细数据往往仍可识别。",
        "Article 4 excludes anonymised information. Information counts as anonymised only when no specific person can be identified and the processing cannot be reversed; detail rows with the name removed often still identify people.",
      ],
    },
    {
      q: [
        "在我们的平台上，哪些信息属于敏感个人信息？（多选）",
        "On our platform, which of these are sensitive personal information? (Choose all that apply.)",
      ],
      options: [
        ["卖家的收款银行账户", "A seller's payout bank account", true],
        ["买家到店核销时的实时定位", "A buyer's live location when redeeming in store", true],
        ["一名 12 岁用户的昵称", "The nickname of a 12-year-old user", true],
        ["买家选择的券面额", "The face value of the voucher a buyer chose", false],
      ],
      why: [
        "第二十八条把金融账户、行踪轨迹和不满十四周岁未成年人的全部个人信息列为敏感个人信息。券面额本身不指向个人身份或财产安全。",
        "Article 28 lists financial accounts, whereabouts and all personal information of children under 14 as sensitive. A voucher's face value on its own says nothing about a person's identity or safety.",
      ],
    },
    {
      q: [
        "卖家发布转让时，平台需要验证其收款账户。处理该账户信息需要什么？",
        "When a seller lists a voucher, we verify their payout account. What does handling that account need?",
      ],
      options: [
        [
          "不需要任何同意，因为是为了付款",
          "No consent at all, because it is for paying them",
          false,
        ],
        [
          "特定目的、充分必要，并取得卖家的单独同意",
          "A specific purpose, sufficient necessity and the seller's separate consent",
          true,
        ],
        [
          "在用户协议里写一句“同意平台处理所有信息”即可",
          "A line in the terms saying 'you agree we may process all your information'",
          false,
        ],
        ["只要部门负责人口头批准", "Verbal approval from the head of department", false],
      ],
      why: [
        "金融账户是敏感个人信息。第二十九条要求单独同意，第二十八条还要求特定目的和充分的必要性。概括性的一揽子同意不是单独同意。",
        "A financial account is sensitive personal information. Article 29 requires separate consent, and Article 28 a specific purpose and sufficient necessity. A blanket clause in the terms is not separate consent.",
      ],
    },
    {
      q: [
        "以下哪一项不是《个人信息保护法》第十三条规定的合法性基础？",
        "Which of these is not a legal basis under Article 13 of the PIPL?",
      ],
      options: [
        ["个人的同意", "The person's consent", false],
        [
          "履行个人作为一方当事人的合同所必需",
          "Necessary to perform a contract the person is party to",
          false,
        ],
        ["处理者的合法利益", "The handler's legitimate interests", true],
        ["履行法定义务所必需", "Necessary to meet a legal obligation", false],
      ],
      why: [
        "“合法利益”是 GDPR 第六条的基础之一，《个人信息保护法》没有规定。在中国，营销、画像等通常要依靠同意。",
        "Legitimate interests are a basis under GDPR Art. 6, not under the PIPL. In China, marketing and profiling usually rest on consent.",
      ],
    },
    {
      q: [
        "运营同事想把过去三年全部用户的手机号导出到个人电脑上“以后做分析用”。这主要违反了哪项原则？",
        "An operations colleague wants to export every user's phone number from the last three years to their laptop 'for analysis some day'. Which principle does this mainly break?",
      ],
      options: [
        ["公开透明", "Openness", false],
        [
          "目的明确并限于实现目的的最小范围（最小必要）",
          "A clear purpose, limited to the minimum it needs (minimisation)",
          true,
        ],
        ["信息质量", "Information quality", false],
        ["诚信", "Good faith", false],
      ],
      why: [
        "第六条要求目的明确合理、与目的直接相关，并采取对个人权益影响最小的方式，收集限于最小范围。“以后可能有用”不是明确的目的，导出到个人电脑还带来安全风险。",
        "Article 6 requires a clear, reasonable purpose directly related to the processing, the least intrusive way, and collection limited to the minimum. 'It may be useful some day' is not a clear purpose, and a copy on a laptop adds risk.",
      ],
    },
    {
      q: [
        "一位用户在客服聊天中说“把我的账号和所有记录都删掉”。客服应该怎么做？",
        "In a support chat a user writes 'delete my account and all my records'. What should the agent do?",
      ],
      options: [
        [
          "立即在后台删除该用户的全部数据",
          "Delete all of the user's data in the back office at once",
          false,
        ],
        [
          "在“请求”模块登记删除请求，按流程核验身份后处理",
          "Log a deletion request in the Requests module, to be handled after identity is verified",
          true,
        ],
        ["告诉用户平台不支持删除", "Tell the user the platform does not support deletion", false],
        ["让用户换个渠道再说一遍", "Ask the user to say it again through another channel", false],
      ],
      why: [
        "删除权（第四十七条）要通过受理机制处理（第五十条）：登记、核验身份、判断是否有法定保存义务（如交易记录），并在承诺时限内答复。客服自行删除既可能删错人，也可能违反保存义务。",
        "The right to deletion (Art. 47) goes through the request process (Art. 50): log it, verify identity, check for duties to keep records (transaction records, for example) and answer in time. Deleting on the spot can hit the wrong person or break a retention duty.",
      ],
    },
    {
      q: [
        "我们拒绝了一项查阅请求。答复中必须包含什么？",
        "We refuse an access request. What must the answer contain?",
      ],
      options: [
        ["不需要说明，拒绝即可", "Nothing: a refusal is enough", false],
        [
          "拒绝的理由，并告知个人可以依法提起诉讼",
          "The reasons for the refusal, and that the person may go to court",
          true,
        ],
        ["只需附上隐私政策链接", "Only a link to the privacy policy", false],
        ["客服主管的个人手机号", "The support lead's personal phone number", false],
      ],
      why: [
        "第五十条：个人信息处理者拒绝个人行使权利的请求的，应当说明理由；个人可以依法向人民法院提起诉讼。",
        "Article 50: a handler that refuses a request must give its reasons, and the person may bring a lawsuit in the people's court.",
      ],
    },
    {
      q: [
        "一名 13 岁的用户想用自己的手机号注册并购买转让券。平台处理其个人信息应当取得谁的同意？",
        "A 13-year-old wants to register with their own phone number and buy a voucher. Whose consent does handling their information need?",
      ],
      options: [
        ["用户本人的同意即可", "The user's own consent", false],
        ["其父母或其他监护人的同意", "A parent's or other guardian's consent", true],
        ["不需要同意，因为是履行合同", "None, because a contract is being performed", false],
        ["学校的同意", "Their school's consent", false],
      ],
      why: [
        "第三十一条：处理不满十四周岁未成年人个人信息的，应当取得未成年人的父母或者其他监护人的同意，并制定专门的处理规则。这类信息本身也属于敏感个人信息。",
        "Article 31: handling the information of a child under 14 needs the consent of a parent or other guardian, and specific handling rules. Such information is also sensitive in itself.",
      ],
    },
  ],
};
