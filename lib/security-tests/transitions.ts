import type { FindingStatus } from "@/db/schema/security-tests";

/**
 * A finding's remediation steps: open → in remediation → fixed → retest passed; a failed retest
 * goes back into remediation. Every step after "open" records its evidence.
 */
export const findingTransitions: Record<FindingStatus, readonly FindingStatus[]> = {
  open: ["in_remediation"],
  in_remediation: ["fixed"],
  fixed: ["retest_passed", "retest_failed"],
  retest_failed: ["in_remediation"],
  retest_passed: [],
};

export const canMoveFinding = (from: FindingStatus, to: FindingStatus) =>
  findingTransitions[from].includes(to);

/** Statuses in which the remediation deadline still runs (a fixed finding waits for its retest, not for its owner). */
export const remediationRunning: readonly FindingStatus[] = [
  "open",
  "in_remediation",
  "retest_failed",
];

/** Whether a finding is past its deadline on `today`. */
export const isOverdue = (finding: { status: FindingStatus; dueOn: string }, today: string) =>
  remediationRunning.includes(finding.status) && finding.dueOn < today;
