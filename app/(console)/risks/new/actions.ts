"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createRisk } from "@/lib/risks/commands";
import { riskCreateSchema } from "@/lib/risks/schemas";

export const createRiskAction = defineAction({
  permission: "risks.manage",
  schema: riskCreateSchema,
  run: (ctx, input) => createRisk(ctx, input),
  done: (id) => redirect(`/risks/${id}`),
});
