"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createAssessment } from "@/lib/security-tests/commands";
import { assessmentCreateSchema } from "@/lib/security-tests/schemas";

export const createAssessmentAction = defineAction({
  permission: "security_tests.manage",
  schema: assessmentCreateSchema,
  run: (ctx, input) => createAssessment(ctx, input),
  done: (id) => redirect(`/security-tests/${id}`),
});
