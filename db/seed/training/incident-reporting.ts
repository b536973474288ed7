import type { SeedCourse } from "./types";

/** 事件报告: every member of staff, yearly. */
export const incidentReporting: SeedCourse = {
  code: "incident-reporting",
  title: ["事件报告", "Incident reporting"],
  description: [
    "面向全体员工：什么是个人信息安全事件，发现后第一时间该做什么，以及为什么几个小时就很关键。",
    "For all staff: what a personal-information incident is, what to do first when you find one, and why a few hours matter.",
  ],
  passMark: 80,
  perAttempt: 5,
  rule: { scope: "everyone", dueDays: 30, recurYearly: true },
  lessons: [
    {
      title: ["发现了，就报告", "If you find it, report it"],
      body: [
        `## 什么是事件

个人信息的**泄露、篡改、丢失**，无论已经发生还是**可能发生**（第五十七条），例如：

- 物流接口的调试日志里出现完整的收件人手机号，外部运维可以看到；
- 把含用户信息的表格发到了错误的群；
- 丢失了一台未加密的工作电脑；
- 用户反映收到了别人的券码；
- 后台出现大量异常的"查看完整号码"操作。

## 第一时间做什么

1. 点击控制台右上角的**"报告事件"**，写下你知道的：发现时间、涉及的系统、可能涉及的信息和大约人数。不确定也要报，隐私团队会评估。
2. 不要自行删除日志或证据，不要私下联系受影响的用户。
3. 能立即止损的（撤回误发的消息、关闭调试开关）先做，并在报告里说明。

## 为什么要快

- 《个人信息保护法》第五十七条要求**立即**采取补救措施，并通知履行个人信息保护职责的部门和个人。
- 国家网信办《国家网络安全事件报告管理办法》（2025 年 11 月 1 日施行）：**较大及以上**事件，一般网络运营者须在发现后 **4 小时**内向省级网信部门报告，关键信息基础设施运营者 **1 小时**内。个人信息泄露达 100 万人即属"较大"。
- GDPR 第三十三条：**72 小时**内向监管机构报告。

这些时钟从**发现**时起算，而不是从报告到隐私团队时起算。晚报、漏报、瞒报会被从重处罚。`,
        `## What an incident is

A **leak, alteration or loss** of personal information, whether it has happened **or may happen** (PIPL Art. 57). For example:

- the courier API's debug log shows recipients' full phone numbers to outside operators;
- a spreadsheet of customer data was posted in the wrong group chat;
- an unencrypted work laptop was lost;
- a user says they received someone else's voucher code;
- the back office shows a burst of unusual "reveal full number" actions.

## What to do first

1. Click **Report incident** at the top of the console and write what you know: when you found it, the systems involved, what information and roughly how many people may be affected. Report even when unsure; the privacy team assesses it.
2. Do not delete logs or evidence, and do not contact affected users yourself.
3. Do what stops the harm at once (recall a misdirected message, switch off a debug flag) and say so in the report.

## Why speed matters

- PIPL Art. 57: take remedial measures **immediately** and notify the authority and the people affected.
- The CAC's national measures for reporting network security incidents (in force 1 November 2025): for incidents graded **relatively major (较大) or above**, an ordinary network operator reports to the provincial CAC **within 4 hours** of discovery, a critical information infrastructure operator **within 1 hour**. A leak of 1 million people's information is already 较大.
- GDPR Art. 33: the supervisory authority **within 72 hours**.

These clocks start at **discovery**, not when the privacy team hears of it. Late, missed or concealed reports are punished more heavily.`,
      ],
    },
  ],
  questions: [
    {
      q: [
        "以下哪些情况应当作为事件报告？（多选）",
        "Which of these should be reported as an incident? (Choose all that apply.)",
      ],
      options: [
        [
          "含用户手机号的表格被发到了错误的微信群",
          "A spreadsheet with users' phone numbers posted to the wrong WeChat group",
          true,
        ],
        ["一台未加密的工作电脑丢失", "An unencrypted work laptop is lost", true],
        ["用户反映收到了别人的券码", "A user says they received someone else's voucher code", true],
        ["用户抱怨券的价格太高", "A user complains a voucher is too expensive", false],
      ],
      why: [
        "前三项都是个人信息已经或可能泄露。价格投诉与个人信息安全无关，按普通客诉处理。",
        "The first three are leaks that have happened or may have. A price complaint has nothing to do with personal-information security and is a normal complaint.",
      ],
    },
    {
      q: [
        "你怀疑物流接口日志暴露了手机号，但不确定影响多少人。应该？",
        "You suspect the courier API log exposes phone numbers but do not know how many people are affected. You should:",
      ],
      options: [
        ["先自己查清楚人数再报告", "Work out the numbers yourself first, then report", false],
        [
          "立即用“报告事件”上报已知情况，人数写估计或留空",
          "Report at once with Report incident, giving an estimate or leaving the number blank",
          true,
        ],
        ["等下周例会再说", "Raise it at next week's meeting", false],
        ["删除日志，问题就消失了", "Delete the log so the problem goes away", false],
      ],
      why: [
        "监管时钟从发现时起算。先报告已知情况，隐私团队会补充评估；删除日志会毁掉调查所需的证据。",
        "Regulatory clocks run from discovery. Report what you know and the privacy team completes the assessment; deleting the log destroys the evidence.",
      ],
    },
    {
      q: [
        "根据《国家网络安全事件报告管理办法》，一般网络运营者发生较大及以上事件，应在多长时间内向省级网信部门报告？",
        "Under the CAC's incident-reporting measures, within how long must an ordinary network operator report an incident graded 较大 or above to the provincial CAC?",
      ],
      options: [
        ["1 小时", "1 hour", false],
        ["4 小时", "4 hours", true],
        ["72 小时", "72 hours", false],
        ["30 天", "30 days", false],
      ],
      why: [
        "一般网络运营者 4 小时；关键信息基础设施运营者 1 小时；72 小时是 GDPR 第三十三条；30 天是处置结束后的总结报告期限。",
        "4 hours for an ordinary operator; 1 hour for critical information infrastructure; 72 hours is GDPR Art. 33; 30 days is the summary report after handling ends.",
      ],
    },
    {
      q: ["报告时限从什么时候开始计算？", "When does the reporting clock start?"],
      options: [
        ["从隐私团队收到报告时", "When the privacy team receives the report", false],
        ["从确认泄露人数时", "When the number of people is confirmed", false],
        ["从发现事件时", "When the incident is discovered", true],
        ["从媒体报道时", "When the press reports it", false],
      ],
      why: [
        "时限从发现时起算。员工发现后拖延上报，直接消耗了组织的报告时间。",
        "The clock runs from discovery. Every hour a colleague waits to report is an hour the organisation loses.",
      ],
    },
    {
      q: [
        "发现误把含用户信息的文件发到了外部群后，以下哪项是你应当立即做的？",
        "You posted a file with customer data to an outside group by mistake. What should you do at once?",
      ],
      options: [
        [
          "能撤回就立即撤回，并报告事件，在报告中写明已撤回",
          "Recall it if you can, report the incident and say in it that you recalled it",
          true,
        ],
        ["撤回后就不用报告了", "Recall it and report nothing", false],
        [
          "私下联系群里的每个人让他们删除，不告诉别人",
          "Quietly ask everyone in the group to delete it and tell no one",
          false,
        ],
        ["逐个打电话通知受影响的用户", "Call each affected user yourself", false],
      ],
      why: [
        "先止损，但撤回不能保证没人看到或下载，仍需报告，由隐私团队评估风险和是否通知。通知用户要按统一口径进行，不应由个人私下处理。",
        "Stop the harm first, but a recall cannot prove nobody saw or saved the file, so report it and let the privacy team assess the risk and any notice. People are notified in one consistent way, not privately.",
      ],
    },
  ],
};
