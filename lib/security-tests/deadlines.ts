import type { FindingPriority } from "@/db/schema/security-tests";
import { addDays } from "@/lib/core/dates";

/** Days to remediate a finding, per priority. */
export type RemediationPeriods = Record<FindingPriority, number>;

/**
 * The defaults until an organisation sets its own (security test settings): 7 / 30 / 90 / 180
 * calendar days for P1–P4, the periods the product's brief (issue 17 §5) names. They are an
 * internal target, not a legal period: no law sets a remediation deadline per priority.
 */
export const defaultRemediationPeriods: RemediationPeriods = { P1: 7, P2: 30, P3: 90, P4: 180 };

/** A finding's deadline: the day it was found plus its priority's period (calendar days). */
export function remediationDueOn(
  foundOn: string,
  priority: FindingPriority,
  periods: RemediationPeriods,
): string {
  return addDays(foundOn, periods[priority]);
}
