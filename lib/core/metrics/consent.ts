import { metrics } from "./registry";

const REASON = /^[a-z_]{1,40}$/;

/** A consent check answered: allowed or denied, and the decision's reason code (a closed set). */
export function countConsentCheck(decision: { allowed: boolean; reason: string }): void {
  metrics().consentChecks.inc({
    outcome: decision.allowed ? "allowed" : "denied",
    reason: REASON.test(decision.reason) ? decision.reason : "other",
  });
}

/** Consent receipts of a committed batch, by action (grant, deny, withdraw). */
export function countConsentEvents(actions: readonly string[]): void {
  for (const action of actions)
    metrics().consentEvents.inc({ action: REASON.test(action) ? action : "other" });
}
