import { declaredAuditActions } from "@/lib/modules";

/** The closed set of things the audit log records, as `entity.verb`: each module declares its own. */
export const auditActions = declaredAuditActions as unknown as readonly [
  AuditAction,
  ...AuditAction[],
];

export type AuditAction = (typeof declaredAuditActions)[number];
