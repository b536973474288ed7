import { z } from "zod";
import { questionKinds, ruleScopes } from "@/db/schema/training";
import { roles } from "@/db/schema/users";

const text = (max: number) => z.string().trim().min(1).max(max);
const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());
const ids = z.preprocess((value) => value ?? [], z.array(z.uuid()).max(50));

/** A course's settings, both languages required (courses are taken in either). */
export const courseSchema = z.object({
  id: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, { error: "errors.courseCode" }),
  titleZh: text(120),
  titleEn: text(120),
  descriptionZh: text(1000),
  descriptionEn: text(1000),
  passMark: z.coerce.number().int().min(1).max(100),
  questionsPerAttempt: z.coerce.number().int().min(1).max(50),
  policyDocumentIds: ids,
});
export type CourseInput = z.infer<typeof courseSchema>;

/** A lesson: a title and a Markdown body per language; without `id`, a new lesson at the end. */
export const lessonSchema = z.object({
  courseId: z.uuid(),
  id: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  titleZh: text(120),
  titleEn: text(120),
  bodyZh: text(20_000),
  bodyEn: text(20_000),
});
export type LessonInput = z.infer<typeof lessonSchema>;

const optionRows = z.preprocess((value) => value ?? [], z.array(z.string().trim().max(300)).max(8));

/** The option rows that have text (blank rows of the form are dropped), with their correct marks. */
function optionsOf(q: { optionZh: string[]; optionEn: string[]; correct: number[] }) {
  return q.optionZh
    .map((zh, i) => ({
      text: { "zh-CN": zh, en: q.optionEn[i] ?? "" },
      correct: q.correct.includes(i),
    }))
    .filter((r, i) => r.text["zh-CN"] !== "" || r.text.en !== "" || q.correct.includes(i));
}

/**
 * A question: its prompt, two to eight options (a row with text in both languages), the indexes
 * of the correct ones (exactly one for single choice), and the explanation shown after answering.
 */
export const questionSchema = z
  .object({
    courseId: z.uuid(),
    kind: z.enum(questionKinds),
    promptZh: text(500),
    promptEn: text(500),
    explanationZh: text(1000),
    explanationEn: text(1000),
    optionZh: optionRows,
    optionEn: optionRows,
    correct: z.preprocess(
      (value) => value ?? [],
      z.array(z.coerce.number().int().min(0).max(7)).max(8),
    ),
  })
  .superRefine((q, ctx) => {
    const rows = optionsOf(q);
    if (rows.some((r) => r.text["zh-CN"] === "" || r.text.en === ""))
      ctx.addIssue({ code: "custom", path: ["options"], message: "errors.optionBothLanguages" });
    if (rows.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "errors.optionsTooFew" });
    const right = rows.filter((o) => o.correct).length;
    if (q.kind === "single" ? right !== 1 : right < 1)
      ctx.addIssue({
        code: "custom",
        path: ["correct"],
        message: q.kind === "single" ? "errors.singleNeedsOne" : "errors.multipleNeedsOne",
      });
  })
  .transform((q) => ({
    courseId: q.courseId,
    kind: q.kind,
    prompt: { "zh-CN": q.promptZh, en: q.promptEn },
    explanation: { "zh-CN": q.explanationZh, en: q.explanationEn },
    options: optionsOf(q),
  }));
export type QuestionInput = z.infer<typeof questionSchema>;

/** Who a rule assigns the course to, when it is due and whether it comes back each year. */
export const ruleSchema = z
  .object({
    courseId: z.uuid(),
    scope: z.enum(ruleScopes),
    role: z.preprocess((v) => (v === "" ? undefined : v), z.enum(roles).optional()),
    departmentId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    joinersOnly: checkbox,
    dueDays: z.coerce.number().int().min(1).max(365),
    recurYearly: checkbox,
  })
  .refine((r) => r.scope !== "role" || (r.role !== undefined && r.role !== "auditor"), {
    path: ["role"],
    message: "errors.ruleRole",
  })
  .refine((r) => r.scope !== "department" || r.departmentId !== undefined, {
    path: ["departmentId"],
    message: "errors.ruleDepartment",
  })
  .transform((r) => ({
    ...r,
    role: r.scope === "role" ? r.role! : null,
    departmentId: r.scope === "department" ? r.departmentId! : null,
  }));
export type RuleInput = z.infer<typeof ruleSchema>;

export const idSchema = z.object({ id: z.uuid() });
export const courseIdSchema = z.object({ courseId: z.uuid() });

/**
 * A submitted quiz: the attempt and, per question, the indexes of the options chosen (fields
 * named `answers.<question id>[]`, radio buttons and checkboxes alike).
 */
export const submitAttemptSchema = z.preprocess(
  (raw) => {
    const input = (raw ?? {}) as Record<string, unknown>;
    const answers: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input))
      if (key.startsWith("answers.")) answers[key.slice(8)] = [value].flat();
    return { attemptId: input.attemptId, answers };
  },
  z.object({
    attemptId: z.uuid(),
    answers: z.record(z.uuid(), z.array(z.coerce.number().int().min(0).max(7)).max(8)),
  }),
);
export type SubmitAttemptInput = z.infer<typeof submitAttemptSchema>;
