import "server-only";
import type { Tx } from "@/db/client";
import type { Role } from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";
import { mayViewDepartment } from "@/lib/departments/access";
import type { AuditFindingRow } from "./queries";

/**
 * Who sees a finding: readers of audits (officers, auditors) every one, its owner theirs, and the
 * manager heading the owning department their department's.
 */
export async function maySeeFinding(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
  finding: AuditFindingRow,
): Promise<boolean> {
  if (can(viewer.role, "compliance_audits.read") || finding.ownerId === viewer.userId) return true;
  return (
    viewer.role === "manager" &&
    (await mayViewDepartment(tx, orgId, viewer, finding.ownerDepartmentId))
  );
}
