import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitAttemptAction } from "@/app/(console)/training/attempts/[id]/actions";
import { startAttemptAction } from "@/app/(console)/training/courses/[id]/actions";
import {
  addQuestionAction,
  addRuleAction,
  saveLessonAction,
} from "@/app/(console)/training/courses/[id]/manage/actions";
import { createCourseAction } from "@/app/(console)/training/courses/new/actions";
import { closeAppDb } from "@/db/client";
import {
  trainingAssignments,
  trainingAttempts,
  trainingCertificates,
  trainingCourses,
  trainingQuestions,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { auditOfTarget, lastAudit } from "@/tests/audit";
import { actAs, createMember, form, orgWithOfficer } from "@/tests/factories";
import { normaliseCode, verifyCertificate } from "./certificates";
import { attemptOf } from "./queries";
import { quizView } from "./quiz-view";
import { assignmentsOf, courseWithQuestions } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employee: string;
let colleague: string;
beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  employee = await createMember(orgId, "employee");
  colleague = await createMember(orgId, "employee");
});
beforeEach(() => actAs(officerId, orgId));

const courseForm = (over: Record<string, string | string[]> = {}) =>
  form({
    code: `pipl-${Date.now().toString(36)}`,
    titleZh: "个人信息保护基础",
    titleEn: "PIPL essentials",
    descriptionZh: "全体员工",
    descriptionEn: "All staff",
    passMark: "80",
    questionsPerAttempt: "5",
    ...over,
  });
const count = (table: typeof trainingCourses | typeof trainingQuestions) =>
  withTenant(
    orgId,
    async (tx) => (await tx.select().from(table).where(eq(table.orgId, orgId))).length,
  );

describe("course commands", () => {
  it("an officer creates a course, audited in the same transaction; bad input and other roles write nothing", async () => {
    const before = await count(trainingCourses);
    const bad = await createCourseAction(idle, courseForm({ code: "Bad Code!", titleEn: "" }));
    expect(fieldErrorsOf(bad)).toMatchObject({
      code: "errors.courseCode",
      titleEn: expect.any(String),
    });
    await actAs(employee, orgId);
    expect(await createCourseAction(idle, courseForm())).toMatchObject({ status: "error" });
    expect(await count(trainingCourses)).toBe(before);

    await actAs(officerId, orgId);
    const path = await redirectOf(createCourseAction(idle, courseForm({ code: "pipl-new" })));
    const id = path.split("/")[3];
    expect(path).toBe(`/training/courses/${id}/manage?notice=created`);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "training.course_created",
      targetId: id,
      actorId: officerId,
      details: { code: "pipl-new", policyDocuments: 0 },
    });
    const taken = await createCourseAction(idle, courseForm({ code: "pipl-new" }));
    expect(fieldErrorsOf(taken)).toMatchObject({ code: "errors.courseCodeTaken" });
    // A policy document from nowhere is not a valid choice.
    const foreign = await createCourseAction(
      idle,
      courseForm({ policyDocumentIds: ["00000000-0000-4000-8000-000000000000"] }),
    );
    expect(fieldErrorsOf(foreign)).toHaveProperty("policyDocumentIds");
  });

  it("validates questions: both languages per option, one correct answer for single choice, at least one for multiple", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId, { questions: 1 });
    const before = await count(trainingQuestions);
    const question = (over: Record<string, string | string[]>) =>
      addQuestionAction(
        idle,
        form({
          courseId,
          kind: "single",
          promptZh: "哪项是敏感个人信息？",
          promptEn: "Which is sensitive?",
          explanationZh: "第二十八条",
          explanationEn: "Article 28",
          optionZh: ["金融账户", "券面额", ""],
          optionEn: ["Financial account", "Face value", ""],
          correct: ["0"],
          ...over,
        }),
      );
    expect(fieldErrorsOf(await question({ correct: ["0", "1"] }))).toHaveProperty("correct");
    expect(fieldErrorsOf(await question({ kind: "multiple", correct: [] }))).toHaveProperty(
      "correct",
    );
    expect(
      fieldErrorsOf(await question({ optionEn: ["Financial account", "", ""] })),
    ).toHaveProperty("options");
    expect(
      fieldErrorsOf(await question({ optionZh: ["金融账户"], optionEn: ["Financial"] })),
    ).toHaveProperty("options");
    expect(await count(trainingQuestions)).toBe(before);
    expect(await question({})).toMatchObject({ status: "ok" });
    expect(await count(trainingQuestions)).toBe(before + 1);
    expect((await auditOfTarget(orgId, courseId)).at(-1)).toMatchObject({
      action: "training.question_saved",
      details: { kind: "single", options: 2 },
    });
    const lesson = await saveLessonAction(
      idle,
      form({ courseId, titleZh: "第二课", titleEn: "", bodyZh: "正文", bodyEn: "Body" }),
    );
    expect(fieldErrorsOf(lesson)).toHaveProperty("titleEn");
  });

  it("a rule needs its role or department, refuses auditors, and assigns the course when added", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId);
    const rule = (over: Record<string, string>) =>
      addRuleAction(idle, form({ courseId, scope: "everyone", dueDays: "30", ...over }));
    expect(fieldErrorsOf(await rule({ scope: "role", role: "auditor" }))).toHaveProperty("role");
    expect(fieldErrorsOf(await rule({ scope: "department" }))).toHaveProperty("departmentId");
    expect(fieldErrorsOf(await rule({ dueDays: "0" }))).toHaveProperty("dueDays");
    expect(await assignmentsOf(orgId, courseId)).toHaveLength(0);
    const done = await rule({ scope: "role", role: "employee" });
    expect(done).toMatchObject({
      status: "ok",
      message: "training.done.rule",
    });
    expect(new Set((await assignmentsOf(orgId, courseId)).map((a) => a.userId))).toEqual(
      new Set([employee, colleague]),
    );
  });
});

describe("taking a course", () => {
  let courseId: string;
  let questionIds: string[];
  beforeAll(async () => {
    ({ courseId, questionIds } = await courseWithQuestions(orgId, officerId, {
      questions: 8,
      perAttempt: 5,
      passMark: 80,
    }));
    await actAs(officerId, orgId);
    await addRuleAction(idle, form({ courseId, scope: "role", role: "employee", dueDays: "30" }));
  });

  const start = async (as: string) => {
    await actAs(as, orgId);
    return (await redirectOf(startAttemptAction(idle, form({ courseId })))).split("/")[3];
  };
  const attempt = (id: string, as = employee) =>
    withTenant(orgId, async (tx) => (await attemptOf(tx, orgId, as, id))!);
  /** Answers every drawn question: the right option ("对" is option 0) or the wrong one. */
  const answers = async (id: string, right: number) => {
    const { attempt: row } = await attempt(id);
    return Object.fromEntries(
      row.drawn.map((d, i) => [`answers.${d.questionId}`, [i < right ? "0" : "1"]]),
    );
  };

  it("draws the course's number of questions from the bank; the quiz view carries no answers; a second start resumes it", async () => {
    const id = await start(employee);
    const { attempt: row, questions } = await attempt(id);
    expect(row.drawn).toHaveLength(5);
    expect(row.drawn.every((d) => questionIds.includes(d.questionId))).toBe(true);
    const view = JSON.stringify(quizView(row, questions));
    expect(view).not.toMatch(/correct|explanation|Because/);
    expect(await start(employee)).toBe(id);
    expect((await auditOfTarget(orgId, id)).map((e) => e.details)).toEqual([
      { courseId, questions: 5 },
      { courseId, resumed: true },
    ]);
  });

  it("refuses a submission with a question unanswered, naming it, and grades nothing", async () => {
    const id = await start(employee);
    const all = await answers(id, 5);
    const [firstKey] = Object.keys(all);
    delete all[firstKey];
    const state = await submitAttemptAction(idle, form({ attemptId: id, ...all }));
    expect(fieldErrorsOf(state)).toEqual({ [firstKey]: "errors.answerRequired" });
    expect((await attempt(id)).attempt.submittedAt).toBeNull();
  });

  it("fails below the pass mark (no certificate, still assigned), then passes on a new draw: completed, certified, audited", async () => {
    const first = await start(employee);
    await redirectOf(
      submitAttemptAction(idle, form({ attemptId: first, ...(await answers(first, 3)) })),
    );
    expect((await attempt(first)).attempt).toMatchObject({
      score: 60,
      passed: false,
      correctCount: 3,
    });
    expect((await attempt(first)).certificateId).toBeNull();
    // Graded once: a second submission is refused.
    expect(
      await submitAttemptAction(idle, form({ attemptId: first, ...(await answers(first, 5)) })),
    ).toMatchObject({ status: "error" });
    const [open] = await assignmentsOf(orgId, courseId, employee);
    expect(open.completedAt).toBeNull();

    const second = await start(employee);
    expect(second).not.toBe(first);
    await redirectOf(
      submitAttemptAction(idle, form({ attemptId: second, ...(await answers(second, 4)) })),
    );
    const passed = await attempt(second);
    expect(passed.attempt).toMatchObject({ score: 80, passed: true });
    expect(passed.certificateId).not.toBeNull();
    const [done] = await assignmentsOf(orgId, courseId, employee);
    expect(done.completedAt).not.toBeNull();
    expect((await auditOfTarget(orgId, second)).map((e) => e.action)).toEqual([
      "training.attempt_started",
      "training.attempt_submitted",
    ]);
    expect((await auditOfTarget(orgId, done.id)).map((e) => e.action)).toEqual([
      "training.completed",
    ]);

    // The public check shows the initial only.
    const [certificate] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(trainingCertificates)
        .where(
          and(eq(trainingCertificates.orgId, orgId), eq(trainingCertificates.attemptId, second)),
        ),
    );
    const typed = certificate.code.toLowerCase().replace(/-/g, " ");
    const verified = await withTenant(orgId, (tx) =>
      verifyCertificate(tx, orgId, normaliseCode(typed)!),
    );
    expect(verified).toMatchObject({ code: certificate.code, holderInitial: "T" });
    expect(JSON.stringify(verified)).not.toMatch(/Test employee|userId|score/);
  });

  it("someone else's attempt is not found: neither shown nor submitted", async () => {
    const id = await start(colleague);
    await actAs(employee, orgId);
    expect(
      await submitAttemptAction(
        idle,
        form({ attemptId: id, ...(await answers(id, 0).catch(() => ({}))) }),
      ),
    ).toMatchObject({ status: "error", message: "errors.notFound" });
    expect(await withTenant(orgId, (tx) => attemptOf(tx, orgId, employee, id))).toBeUndefined();
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(trainingAttempts)
        .where(and(eq(trainingAttempts.orgId, orgId), eq(trainingAttempts.id, id))),
    );
    expect(row.submittedAt).toBeNull();
  });

  it("an auditor may not take a course", async () => {
    const auditor = await createMember(orgId, "auditor");
    await actAs(auditor, orgId);
    expect(await startAttemptAction(idle, form({ courseId }))).toMatchObject({ status: "error" });
    void trainingAssignments;
  });
});
