import type { LawId } from "./laws";

type Text = { "zh-CN": string; en: string };

/**
 * One requirement of a law, in one version: the article, our own short summary in both languages
 * (never the law's text), and the day this version applies from. An amendment is a new entry with
 * the same key and the next version; audits record the version they were held against.
 */
export interface Requirement {
  key: string;
  law: LawId;
  article: string;
  version: number;
  inForce: string;
  title: Text;
  summary: Text;
  /** Article numbering or figures to confirm with counsel before relying on them. */
  verify?: true;
}

const r = (
  key: string,
  law: LawId,
  article: string,
  inForce: string,
  title: [string, string],
  summary: [string, string],
  extra: { version?: number; verify?: true } = {},
): Requirement => ({
  key,
  law,
  article,
  version: extra.version ?? 1,
  inForce,
  title: { "zh-CN": title[0], en: title[1] },
  summary: { "zh-CN": summary[0], en: summary[1] },
  ...(extra.verify && { verify: true as const }),
});

const PIPL = "2021-11-01";
const GDPR = "2018-05-25";
const CPRA = "2023-01-01";

/** The library, seeded as reference data. Facts: ../shared/reference/regulatory-facts.md. */
export const requirementLibrary: readonly Requirement[] = [
  // PIPL: the articles a personal-information handler answers for.
  r(
    "PIPL-13",
    "PIPL",
    "Art. 13",
    PIPL,
    ["处理的合法性基础", "Lawful bases"],
    [
      "仅在七种情形之一下处理个人信息：同意、合同或人力资源管理、法定职责、突发公共卫生事件、新闻报道、已公开信息、其他法律规定；没有“正当利益”。",
      "Process only on one of seven bases: consent, contract or HR, legal duty, public-health emergency, news reporting, disclosed information, other laws; there is no legitimate interest.",
    ],
  ),
  r(
    "PIPL-14",
    "PIPL",
    "Art. 14",
    PIPL,
    ["同意的有效性与重新同意", "Valid consent and re-consent"],
    [
      "同意须在充分知情下自愿、明确作出；处理目的、方式或种类变更时重新取得同意。",
      "Consent is informed, voluntary and explicit; a change of purpose, method or category asks for it again.",
    ],
  ),
  r(
    "PIPL-15",
    "PIPL",
    "Art. 15",
    PIPL,
    ["撤回同意", "Withdrawing consent"],
    [
      "提供便捷的撤回同意方式，撤回不影响此前处理的效力。",
      "Offer a convenient way to withdraw consent; earlier processing stays lawful.",
    ],
  ),
  r(
    "PIPL-17",
    "PIPL",
    "Art. 17",
    PIPL,
    ["告知义务", "Notice"],
    [
      "处理前以显著方式、清晰易懂的语言告知处理者身份、目的、方式、种类、保存期限和权利行使方式；变更时告知。",
      "Before processing, tell people clearly who handles their data, why, how, which categories, for how long and how to exercise rights; notify changes.",
    ],
  ),
  r(
    "PIPL-21",
    "PIPL",
    "Art. 21",
    PIPL,
    ["委托处理", "Entrusted processing"],
    [
      "委托处理须约定目的、期限、方式、种类、保护措施及双方权利义务，并监督受托人。",
      "An entrustment agreement sets purpose, term, method, categories and safeguards; the handler supervises the processor.",
    ],
  ),
  r(
    "PIPL-23",
    "PIPL",
    "Art. 23",
    PIPL,
    ["向其他处理者提供", "Providing to other handlers"],
    [
      "向其他处理者提供个人信息须告知接收方信息并取得单独同意。",
      "Providing information to another handler needs notice of the recipient and separate consent.",
    ],
  ),
  r(
    "PIPL-29",
    "PIPL",
    "Art. 29",
    PIPL,
    ["敏感个人信息的单独同意", "Separate consent for sensitive information"],
    [
      "处理敏感个人信息应取得个人的单独同意。",
      "Processing sensitive personal information needs the person's separate consent.",
    ],
  ),
  r(
    "PIPL-31",
    "PIPL",
    "Art. 31",
    PIPL,
    ["不满十四周岁未成年人", "Minors under 14"],
    [
      "处理不满十四周岁未成年人个人信息须取得其父母或其他监护人同意，并制定专门处理规则。",
      "Information of a minor under 14 needs a parent's or guardian's consent and specific handling rules.",
    ],
  ),
  r(
    "PIPL-38",
    "PIPL",
    "Art. 38",
    PIPL,
    ["出境条件", "Conditions for transfers abroad"],
    [
      "向境外提供须通过安全评估、认证或标准合同等途径之一。",
      "A transfer abroad goes through a security assessment, certification or a standard contract.",
    ],
  ),
  r(
    "PIPL-39",
    "PIPL",
    "Art. 39",
    PIPL,
    ["出境告知与单独同意", "Notice and separate consent for transfers abroad"],
    [
      "告知境外接收方名称、联系方式、目的、方式、种类及权利行使方式，并取得单独同意。",
      "Tell people the foreign recipient's name, contact, purpose, method, categories and how to exercise rights there; get separate consent.",
    ],
  ),
  r(
    "PIPL-44",
    "PIPL",
    "Arts. 44–49",
    PIPL,
    ["个人的权利", "Individuals' rights"],
    [
      "知情、决定、查阅复制、可携带、更正补充、删除及解释说明等权利。",
      "Rights to know and decide, access and copy, portability, rectification, deletion and explanation.",
    ],
  ),
  r(
    "PIPL-50",
    "PIPL",
    "Art. 50",
    PIPL,
    ["受理和处理权利请求", "Handling rights requests"],
    [
      "建立便捷的申请受理和处理机制，及时答复；拒绝的应说明理由并告知可以起诉。",
      "Run a convenient way to receive and handle requests and answer in time; a refusal gives reasons and the right to sue.",
    ],
  ),
  r(
    "PIPL-51",
    "PIPL",
    "Art. 51",
    PIPL,
    ["安全保护措施与培训", "Security measures and training"],
    [
      "制定内部管理制度，分类管理，采取加密、去标识化等技术措施，合理确定操作权限并定期开展安全教育和培训，制定并演练事件应急预案。",
      "Internal rules, classification, encryption and de-identification, access rights, regular staff security education and training (item 4), and an incident response plan with drills.",
    ],
  ),
  r(
    "PIPL-52",
    "PIPL",
    "Art. 52",
    PIPL,
    ["个人信息保护负责人", "Personal information protection officer"],
    [
      "处理达到规定数量的（100万人以上）应指定负责人并向网信部门报送。",
      "Handlers above the threshold (1 million people) appoint an officer and report them to the CAC.",
    ],
  ),
  r(
    "PIPL-54",
    "PIPL",
    "Art. 54",
    PIPL,
    ["合规审计", "Compliance audits"],
    [
      "定期对处理个人信息遵守法律、行政法规的情况进行合规审计。",
      "Audit regularly whether the processing complies with laws and regulations.",
    ],
  ),
  r(
    "PIPL-55",
    "PIPL",
    "Arts. 55–56",
    PIPL,
    ["个人信息保护影响评估", "Impact assessments"],
    [
      "处理敏感信息、自动化决策、委托或提供、公开、出境等情形事前评估，报告和处理记录至少保存三年。",
      "Assess beforehand for sensitive data, automated decisions, entrusting or providing, disclosure and transfers abroad; keep reports and records at least three years.",
    ],
  ),
  r(
    "PIPL-57",
    "PIPL",
    "Art. 57",
    PIPL,
    ["泄露通知", "Breach notification"],
    [
      "发生或可能发生泄露、篡改、丢失的，立即采取补救措施并通知履行保护职责的部门和个人。",
      "On an actual or possible leak, tampering or loss: remedy at once and notify the authority and the individuals.",
    ],
  ),
  r(
    "PIPL-64",
    "PIPL",
    "Art. 64",
    PIPL,
    ["监管要求的审计", "Audits ordered by the authority"],
    [
      "存在较大风险或发生安全事件的，主管部门可约谈并要求委托专业机构进行合规审计。",
      "Where risk is high or an incident occurred, the authority may summon the handler and order an audit by a professional body.",
    ],
  ),
  // Network Data Security Management Regulations (2025-01-01).
  r(
    "NDSMR-11",
    "NDSMR",
    "Art. 11",
    "2025-01-01",
    ["事件应急与告知", "Incident response and notice"],
    [
      "启动应急预案，按规定报告，并以电话、短信、即时通信、邮件或公告通知利害关系人。",
      "Activate the response plan, report as required, and notify affected parties by phone, SMS, instant message, email or public notice.",
    ],
  ),
  r(
    "NDSMR-21",
    "NDSMR",
    "Art. 21",
    "2025-01-01",
    ["处理规则逐项列明", "Handling rules item by item"],
    [
      "处理规则逐项列明收集的个人信息和接收的第三方，以及保存期限或确定方法。",
      "The handling rules list each item of information collected and each third party receiving it, with the retention period or how it is set.",
    ],
  ),
  r(
    "NDSMR-28",
    "NDSMR",
    "Art. 28",
    "2025-01-01",
    ["千万级处理者的附加义务", "Duties of handlers of over 10 million people"],
    [
      "处理1000万人以上个人信息的，参照重要数据处理者履行部分义务。",
      "Handlers of more than 10 million people take on some duties of important-data handlers.",
    ],
  ),
  r(
    "NDSMR-44",
    "NDSMR",
    "Art. 44",
    "2025-01-01",
    ["社会责任报告", "Social-responsibility report"],
    [
      "大型网络平台每年发布个人信息保护社会责任报告。",
      "Large platforms publish an annual personal-information protection social-responsibility report.",
    ],
  ),
  // Compliance-audit measures (2025-05-01).
  r(
    "PI_AUDIT-4",
    "PI_AUDIT",
    "Art. 4",
    "2025-05-01",
    ["审计频次", "Audit frequency"],
    [
      "处理超过1000万人个人信息的，至少每两年开展一次合规审计。",
      "Handlers of more than 10 million people audit at least once every two years.",
    ],
    { verify: true },
  ),
  r(
    "PI_AUDIT-5",
    "PI_AUDIT",
    "Art. 5",
    "2025-05-01",
    ["要求委托专业机构审计", "Audits ordered from a professional body"],
    [
      "处理活动风险较高、可能侵害众多个人权益或发生安全事件的，主管部门可要求委托专业机构审计。",
      "When processing is high-risk, may harm many people or after an incident, the authority may order an audit by a professional body.",
    ],
    { verify: true },
  ),
  r(
    "PI_AUDIT-ROTATION",
    "PI_AUDIT",
    "—",
    "2025-05-01",
    ["审计机构轮换", "Auditor rotation"],
    [
      "同一专业机构不得连续三次以上对同一处理者开展合规审计。",
      "The same body may not audit the same handler more than three times in a row.",
    ],
    { verify: true },
  ),
  // Incident reporting measures (2025-11-01).
  r(
    "INCIDENT-4H",
    "INCIDENT_REPORTING",
    "—",
    "2025-11-01",
    ["较大以上事件4小时报告", "Report major incidents within 4 hours"],
    [
      "较大及以上网络安全事件，一般运营者4小时内向省级网信部门报告；关键信息基础设施运营者1小时内。",
      "Incidents graded 较大 or above: ordinary operators report to the provincial CAC within 4 hours, CII operators within 1 hour.",
    ],
    { verify: true },
  ),
  r(
    "INCIDENT-SUMMARY",
    "INCIDENT_REPORTING",
    "—",
    "2025-11-01",
    ["30日内总结报告", "Summary report within 30 days"],
    [
      "事件处置结束后30日内提交总结报告。",
      "File a summary report within 30 days after handling ends.",
    ],
    { verify: true },
  ),
  // Cross-border provisions (2024) and certification (2026).
  r(
    "XB-THRESHOLDS",
    "CROSS_BORDER",
    "Arts. 5–8",
    "2024-03-22",
    ["出境途径与数量门槛", "Routes and volume thresholds"],
    [
      "按当年1月1日起累计出境人数确定免予申报、标准合同或认证、安全评估。",
      "The route (exempt, standard contract or certification, security assessment) follows the number of people sent abroad since 1 January.",
    ],
    { verify: true },
  ),
  r(
    "CERT-VALIDITY",
    "CERTIFICATION",
    "—",
    "2026-01-01",
    ["出境认证", "Export certification"],
    [
      "通过认证出境的，证书有效期3年。",
      "Certification is one route for transfers abroad; a certificate is valid for 3 years.",
    ],
    { verify: true },
  ),
  // GB/T 35273-2020 key clauses.
  r(
    "GBT-6.1",
    "GBT35273",
    "§6.1",
    "2020-10-01",
    ["最小化存储时间", "Minimal storage time"],
    [
      "个人信息保存期限为实现目的所必需的最短时间。",
      "Keep personal information for the shortest time the purpose needs.",
    ],
  ),
  r(
    "GBT-8.7",
    "GBT35273",
    "§8.7",
    "2020-10-01",
    ["响应请求", "Answering requests"],
    [
      "在30天内或法律规定期限内答复个人的请求。",
      "Answer a person's request within 30 days or the legal period.",
    ],
  ),
  r(
    "GBT-10",
    "GBT35273",
    "§10",
    "2020-10-01",
    ["安全事件处置", "Incident handling"],
    [
      "制定应急预案，定期培训和演练，及时告知和上报。",
      "An incident plan, regular training and drills, timely notice and reporting.",
    ],
  ),
  r(
    "GBT-11.3",
    "GBT35273",
    "§11.3",
    "2020-10-01",
    ["处理活动记录", "Records of processing"],
    ["建立、维护和更新个人信息处理活动记录。", "Keep and update records of processing activities."],
  ),
  // GDPR.
  r(
    "GDPR-5",
    "GDPR",
    "Art. 5(2)",
    GDPR,
    ["问责", "Accountability"],
    [
      "控制者负责并能证明遵守数据处理原则。",
      "The controller is responsible for, and able to demonstrate, compliance with the principles.",
    ],
  ),
  r(
    "GDPR-6",
    "GDPR",
    "Art. 6(1)",
    GDPR,
    ["合法性", "Lawfulness"],
    ["处理须有六种合法依据之一。", "Processing needs one of the six lawful bases."],
  ),
  r(
    "GDPR-12",
    "GDPR",
    "Art. 12(3)",
    GDPR,
    ["一个月内答复", "Answer within one month"],
    [
      "一个月内答复数据主体请求，必要时可延长两个月并说明理由。",
      "Answer data-subject requests within one month, extendable by two months with reasons.",
    ],
  ),
  r(
    "GDPR-28",
    "GDPR",
    "Art. 28",
    GDPR,
    ["处理者合同", "Processor contracts"],
    [
      "仅使用提供充分保障的处理者，并以合同约束。",
      "Use only processors giving sufficient guarantees, bound by a contract.",
    ],
  ),
  r(
    "GDPR-32",
    "GDPR",
    "Art. 32",
    GDPR,
    ["处理的安全", "Security of processing"],
    [
      "采取适当的技术和组织措施，包括加密和定期测试评估。",
      "Appropriate technical and organisational measures, including encryption and regular testing.",
    ],
  ),
  r(
    "GDPR-33",
    "GDPR",
    "Art. 33",
    GDPR,
    ["72小时通知监管机构", "Notify the authority within 72 hours"],
    [
      "知悉泄露后72小时内通知监管机构，除非不太可能造成风险；记录所有泄露。",
      "Notify the supervisory authority within 72 hours of awareness unless unlikely to cause risk; document every breach.",
    ],
  ),
  r(
    "GDPR-39",
    "GDPR",
    "Art. 39(1)(b)",
    GDPR,
    ["培训与审计", "Training and audits"],
    [
      "数据保护官监督合规，包括员工意识培训和相关审计。",
      "The DPO monitors compliance, including awareness-raising and training of staff and related audits.",
    ],
  ),
  // CCPA / CPRA.
  r(
    "CCPA-1798.130",
    "CCPA",
    "§1798.130; 11 CCR §7021",
    CPRA,
    ["45天内答复", "Respond within 45 days"],
    [
      "10个工作日内确认，45个日历日内答复，可延长一次45天。",
      "Acknowledge within 10 business days, respond within 45 calendar days, extendable once by 45.",
    ],
  ),
  r(
    "CCPA-1798.135",
    "CCPA",
    "§1798.135; 11 CCR §7025",
    CPRA,
    ["退出与GPC", "Opt-out and GPC"],
    [
      "提供“不出售或共享”的退出方式，并尊重全局隐私控制信号。",
      "Offer a do-not-sell-or-share opt-out and honour Global Privacy Control.",
    ],
  ),
  r(
    "CCPA-1798.100",
    "CCPA",
    "§1798.100(e); 11 CCR §7100",
    CPRA,
    ["合理安全措施与培训", "Reasonable security and training"],
    [
      "采取与信息性质相适应的合理安全措施；处理消费者请求的人员须经过培训。",
      "Reasonable security for the information's nature; staff handling consumer requests are trained.",
    ],
    { verify: true },
  ),
  r(
    "CA-1798.82",
    "CCPA",
    "Civ. Code §1798.82",
    "2003-07-01",
    ["加州泄露通知", "California breach notice"],
    [
      "以最快速度且无不合理延迟地通知加州居民。",
      "Notify California residents in the most expedient time possible and without unreasonable delay.",
    ],
    { verify: true },
  ),
  r(
    "CA-1798.82",
    "CCPA",
    "Civ. Code §1798.82 (SB 446)",
    "2026-01-01",
    ["加州泄露通知", "California breach notice"],
    [
      "发现后30个日历日内通知居民；超过500人的，通知后15天内向总检察长提交样本。",
      "Notify residents within 30 calendar days of discovery; over 500 residents: a sample to the Attorney General within 15 days.",
    ],
    { version: 2, verify: true },
  ),
];
