import { addMonths } from "@/lib/core/dates";

/**
 * PIPL Art. 54 and the compliance-audit measures (in force 2025-05-01): a handler of more than
 * 10 million individuals audits at least once every two years. Reference data with its source;
 * "more than" excludes the number itself. Figures: verify with counsel.
 */
export const auditFrequencyRule = {
  source: "PIPL Art. 54; 《个人信息保护合规审计管理办法》 Art. 4 (2025-05-01)",
  requirement: "PI_AUDIT-4",
  moreThanIndividuals: 10_000_000,
  everyMonths: 24,
} as const;

export interface AuditObligation {
  required: boolean;
  individuals: number;
  /** The last completed routine or ordered audit's end, if any. */
  lastAuditEnd: string | null;
  /** When the next audit is due: two years after the last, or now when there has been none. */
  nextDueOn: string | null;
}

/** Whether the rule binds the organisation, and when its next audit is due. */
export function auditObligation(
  individuals: number,
  lastAuditEnd: string | null,
  today: string,
  rule = auditFrequencyRule,
): AuditObligation {
  const required = individuals > rule.moreThanIndividuals;
  const nextDueOn = !required
    ? null
    : lastAuditEnd
      ? addMonths(lastAuditEnd, rule.everyMonths)
      : today;
  return { required, individuals, lastAuditEnd, nextDueOn };
}
