"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import {
  addQuestion,
  addRule,
  removeLesson,
  removeRule,
  retireQuestion,
  saveCourse,
  saveLesson,
} from "@/lib/training/courses";
import {
  courseSchema,
  idSchema,
  lessonSchema,
  questionSchema,
  ruleSchema,
} from "@/lib/training/schemas";

const saved = async (key: string, courseId: string, values?: Record<string, string | number>) => {
  revalidatePath(`/training/courses/${courseId}/manage`);
  return { status: "ok" as const, message: (await translator("training"))(`done.${key}`, values) };
};

export const saveCourseAction = defineAction({
  permission: "training.manage",
  schema: courseSchema,
  run: (ctx, input) => saveCourse(ctx, input),
  done: (id) => saved("course", id),
});

export const saveLessonAction = defineAction({
  permission: "training.manage",
  schema: lessonSchema,
  run: (ctx, input) => saveLesson(ctx, input),
  done: (_id, input) => saved("lesson", input.courseId),
});

export const removeLessonAction = defineAction({
  permission: "training.manage",
  schema: idSchema,
  run: (ctx, input) => removeLesson(ctx, input.id),
  done: (courseId) => saved("lessonRemoved", courseId),
});

export const addQuestionAction = defineAction({
  permission: "training.manage",
  schema: questionSchema,
  run: (ctx, input) => addQuestion(ctx, input),
  done: (_id, input) => saved("question", input.courseId),
});

export const retireQuestionAction = defineAction({
  permission: "training.manage",
  schema: idSchema,
  run: (ctx, input) => retireQuestion(ctx, input.id),
  done: (courseId) => saved("questionRetired", courseId),
});

export const addRuleAction = defineAction({
  permission: "training.manage",
  schema: ruleSchema,
  run: (ctx, input) => addRule(ctx, input),
  done: ({ assigned }, input) => saved("rule", input.courseId, { count: assigned }),
});

export const removeRuleAction = defineAction({
  permission: "training.manage",
  schema: idSchema,
  run: (ctx, input) => removeRule(ctx, input.id),
  done: (courseId) => saved("ruleRemoved", courseId),
});
