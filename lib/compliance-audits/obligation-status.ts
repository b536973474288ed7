import "server-only";
import type { Tx } from "@/db/client";
import { latestEvaluations } from "@/lib/controls/evaluate";

/**
 * The audit obligation as the audit_cycle control last computed it (the vault is counted by the
 * daily job, never on a page): whether the two-year rule binds, how many individuals, when the
 * next audit is due. Null before the first evaluation.
 */
export async function auditObligationStatus(tx: Tx, orgId: string) {
  const row = (await latestEvaluations(tx, orgId)).get("audit_cycle");
  if (!row) return null;
  const d = row.details;
  return {
    evaluatedOn: row.evaluatedOn,
    status: row.status,
    required: d.required === true,
    individuals: typeof d.individuals === "number" ? d.individuals : 0,
    lastAuditEnd: typeof d.lastAuditEnd === "string" ? d.lastAuditEnd : null,
    nextDueOn: typeof d.nextDueOn === "string" ? d.nextDueOn : null,
  };
}
