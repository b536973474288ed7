import { auditActions, type AuditAction } from "@/lib/core/audit/actions";

const known = new Set<string>(auditActions);

/** The localised name of an action; an action from outside the union shows as recorded. */
export function actionLabel(t: (key: string) => string, action: string): string {
  return known.has(action) ? t(`actions.${action as AuditAction}`) : action;
}
