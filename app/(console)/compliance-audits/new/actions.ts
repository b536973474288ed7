"use server";

import { redirect } from "next/navigation";
import { createAudit } from "@/lib/compliance-audits/commands";
import { auditCreateSchema } from "@/lib/compliance-audits/schemas";
import { defineAction } from "@/lib/core/actions/define-action";

export const createAuditAction = defineAction({
  permission: "compliance_audits.manage",
  schema: auditCreateSchema,
  run: (ctx, input) => createAudit(ctx, input),
  done: (id) => redirect(`/compliance-audits/${id}`),
});
