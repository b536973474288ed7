"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { submitAttempt } from "@/lib/training/attempts";
import { submitAttemptSchema } from "@/lib/training/schemas";

export const submitAttemptAction = defineAction({
  permission: "training.take",
  schema: submitAttemptSchema,
  run: (ctx, input) => submitAttempt(ctx, input),
  done: (_grade, input) => redirect(`/training/attempts/${input.attemptId}`),
});
