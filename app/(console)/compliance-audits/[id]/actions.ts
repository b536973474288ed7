"use server";

import { revalidatePath } from "next/cache";
import { createAuditFinding, setChecklistItem, stepAudit } from "@/lib/compliance-audits/commands";
import {
  auditFindingSchema,
  auditStepSchema,
  checklistItemSchema,
} from "@/lib/compliance-audits/schemas";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";

const done = (key: string) => async (auditId: string) => {
  revalidatePath(`/compliance-audits/${auditId}`);
  return { status: "ok" as const, message: (await translator("complianceAudits"))(key) };
};

/** Starts the audit (taking the controls' evidence as it stands) or completes it. */
export const stepAuditAction = defineAction({
  permission: "compliance_audits.manage",
  schema: auditStepSchema,
  run: async (ctx, input) => {
    await stepAudit(ctx, input);
    return input.auditId;
  },
  done: done("stepDone"),
});

export const checklistItemAction = defineAction({
  permission: "compliance_audits.manage",
  schema: checklistItemSchema,
  run: async (ctx, input) => {
    await setChecklistItem(ctx, input);
    return input.auditId;
  },
  done: done("checklist.saved"),
});

export const createAuditFindingAction = defineAction({
  permission: "compliance_audits.manage",
  schema: auditFindingSchema,
  run: async (ctx, input) => {
    await createAuditFinding(ctx, input);
    return input.auditId;
  },
  done: done("finding.created"),
});
