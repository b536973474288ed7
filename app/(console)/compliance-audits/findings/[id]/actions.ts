"use server";

import { revalidatePath } from "next/cache";
import { stepAuditFinding } from "@/lib/compliance-audits/finding-steps";
import { findingStepSchema } from "@/lib/compliance-audits/schemas";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";

/** The owner records the corrective action done; whoever manages audits verifies or reopens it. */
export const stepAuditFindingAction = defineAction({
  permission: "audit_findings.respond",
  schema: findingStepSchema,
  run: async (ctx, input) => {
    await stepAuditFinding(ctx, ctx.user, input);
    return input.findingId;
  },
  done: async (id) => {
    revalidatePath(`/compliance-audits/findings/${id}`);
    return { status: "ok", message: (await translator("complianceAudits"))("finding.stepDone") };
  },
});
