import type { ClockStart, ClockTrigger, IncidentClockUnit } from "@/db/schema/incidents";

/** How a notice or report is excused: a reason in words, or one of GDPR Art. 34(3)'s three exceptions. */
export type Waiver = "reason" | "gdpr34";
export const gdpr34Exceptions = ["encrypted", "later_measures", "disproportionate_effort"] as const;

export interface IncidentClockRule {
  key: string;
  /** Reference rules name their law, recipient and checklist items by message key; an organisation's rules in words. */
  reference: boolean;
  law: string;
  recipient: string;
  trigger: ClockTrigger;
  /** Null: "without undue delay", no fixed period (shown, never counted down). */
  period: { amount: number; unit: IncidentClockUnit } | null;
  /** The organisation's own target, not a period the law sets (PIPL Art. 57). */
  target?: "piplTargetHours";
  start: ClockStart;
  checklist: readonly string[];
  /** May be stopped without notifying, with the reason recorded. */
  waiver?: Waiver;
  /** A report made after the due time must say why (GDPR Art. 33(1)). */
  lateReasonRequired?: boolean;
  source: string;
  inForceFrom: string | null;
}

const piBreach = ["pi_breach"] as const;

/**
 * The reference clocks (../shared/reference/regulatory-facts.md, "Incidents"). An organisation adds
 * its own rows (incident_clock_rules); a new jurisdiction is a row, not code. Each row is held by a
 * test named in docs/legal-rules.md.
 */
export const referenceClockRules: readonly IncidentClockRule[] = [
  {
    key: "cac_report",
    reference: true,
    law: "CAC",
    recipient: "provincial_cac",
    trigger: {
      classifications: ["pi_breach", "security_incident"],
      minGrade: "relatively_major",
      ciiOperator: false,
    },
    period: { amount: 4, unit: "hours" },
    start: "discovered",
    checklist: ["unit", "time", "type", "grade", "impact", "measures", "cause", "followUp"],
    source:
      "《国家网络安全事件报告管理办法》 (CAC): incidents graded 较大 or above, to the provincial CAC within 4 hours of discovery; report what is known and supplement the rest",
    inForceFrom: "2025-11-01",
  },
  {
    key: "cac_report_cii",
    reference: true,
    law: "CAC",
    recipient: "cii_department",
    trigger: {
      classifications: ["pi_breach", "security_incident"],
      minGrade: "relatively_major",
      ciiOperator: true,
    },
    period: { amount: 1, unit: "hours" },
    start: "discovered",
    checklist: ["unit", "time", "type", "grade", "impact", "measures", "cause", "followUp"],
    source:
      "《国家网络安全事件报告管理办法》 (CAC): a critical information infrastructure operator reports 较大+ incidents within 1 hour, to its protection department and the public security organ",
    inForceFrom: "2025-11-01",
  },
  {
    key: "cac_summary",
    reference: true,
    law: "CAC",
    recipient: "provincial_cac",
    trigger: { classifications: ["pi_breach", "security_incident"], minGrade: "relatively_major" },
    period: { amount: 30, unit: "calendar_days" },
    start: "contained",
    checklist: ["cause", "measures", "impact", "accountability", "lessons"],
    source:
      "《国家网络安全事件报告管理办法》 (CAC): a summary report within 30 days after handling ends (counted here from containment)",
    inForceFrom: "2025-11-01",
  },
  {
    key: "pipl_authority",
    reference: true,
    law: "PIPL",
    recipient: "pi_authority",
    trigger: { classifications: [...piBreach], law: "PIPL" },
    period: { amount: 24, unit: "hours" },
    target: "piplTargetHours",
    start: "discovered",
    checklist: ["categoriesCauseHarm", "measuresAndSelfHelp", "contact"],
    source:
      "PIPL Art. 57: remedial measures at once and notice to the PI protection authority; the law names no hour count, so this is the organisation's target",
    inForceFrom: "2021-11-01",
  },
  {
    key: "pipl_individuals",
    reference: true,
    law: "PIPL",
    recipient: "individuals",
    trigger: { classifications: [...piBreach], law: "PIPL" },
    period: { amount: 24, unit: "hours" },
    target: "piplTargetHours",
    start: "discovered",
    checklist: ["categoriesCauseHarm", "measuresAndSelfHelp", "contact"],
    waiver: "reason",
    source:
      "PIPL Art. 57: notice to individuals, unless the measures effectively avoid harm (the decision and its reason recorded; the authority may still require notice)",
    inForceFrom: "2021-11-01",
  },
  {
    key: "gdpr_33",
    reference: true,
    law: "GDPR",
    recipient: "supervisory_authority",
    trigger: { classifications: [...piBreach], law: "GDPR", gdprRisks: ["risk", "high"] },
    period: { amount: 72, unit: "hours" },
    start: "discovered",
    lateReasonRequired: true,
    checklist: ["nature", "dpoContact", "consequences", "measuresTaken"],
    source:
      "GDPR Art. 33(1): the supervisory authority within 72 hours of becoming aware, unless unlikely to result in a risk; reasons for any delay; may be phased (Art. 33(4)); contents Art. 33(3)",
    inForceFrom: "2018-05-25",
  },
  {
    key: "gdpr_34",
    reference: true,
    law: "GDPR",
    recipient: "individuals",
    trigger: { classifications: [...piBreach], law: "GDPR", gdprRisks: ["high"] },
    period: null,
    start: "discovered",
    waiver: "gdpr34",
    checklist: ["plainLanguage", "dpoContact", "consequences", "measuresTaken"],
    source:
      "GDPR Art. 34: individuals without undue delay when the risk is high; not needed if encrypted, later measures removed the high risk, or disproportionate effort (then a public notice)",
    inForceFrom: "2018-05-25",
  },
  {
    key: "ca_residents",
    reference: true,
    law: "CA",
    recipient: "california_residents",
    trigger: { classifications: [...piBreach], californiaResidentsOver: 0 },
    period: { amount: 30, unit: "calendar_days" },
    start: "discovered",
    checklist: ["statutoryHeadings"],
    source:
      "Cal. Civ. Code §1798.82 as amended (SB 446): residents within 30 calendar days of discovery (delay allowed for law enforcement or to determine scope); verify with counsel",
    inForceFrom: "2026-01-01",
  },
  {
    key: "ca_attorney_general",
    reference: true,
    law: "CA",
    recipient: "california_ag",
    trigger: { classifications: [...piBreach], californiaResidentsOver: 500 },
    period: { amount: 15, unit: "calendar_days" },
    start: "met:ca_residents",
    checklist: ["sampleNotice"],
    source:
      "Cal. Civ. Code §1798.82(f) as amended (SB 446): a sample notice to the Attorney General within 15 days of notifying more than 500 residents; verify with counsel",
    inForceFrom: "2026-01-01",
  },
];
