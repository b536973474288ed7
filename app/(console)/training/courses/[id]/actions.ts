"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { startAttempt } from "@/lib/training/attempts";
import { courseIdSchema } from "@/lib/training/schemas";

export const startAttemptAction = defineAction({
  permission: "training.take",
  schema: courseIdSchema,
  run: (ctx, input) => startAttempt(ctx, input.courseId),
  done: (attemptId) => redirect(`/training/attempts/${attemptId}`),
});
