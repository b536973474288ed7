"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { updateRisk } from "@/lib/risks/commands";
import { riskUpdateSchema } from "@/lib/risks/schemas";

export const updateRiskAction = defineAction({
  permission: "risks.manage",
  schema: riskUpdateSchema,
  run: (ctx, input) => updateRisk(ctx, input),
  done: (_, input) => redirect(`/risks/${input.id}`),
});
