"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { saveCourse } from "@/lib/training/courses";
import { courseSchema } from "@/lib/training/schemas";

export const createCourseAction = defineAction({
  permission: "training.manage",
  schema: courseSchema.omit({ id: true }),
  run: (ctx, input) => saveCourse(ctx, input),
  done: (id) => redirect(`/training/courses/${id}/manage?notice=created`),
});
