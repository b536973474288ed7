import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  departments,
  memberships,
  messageOutbox,
  trainingAssignments,
  trainingCertificates,
  trainingCourses,
  trainingQuestions,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { parseMarkdown } from "@/lib/policies/markdown";
import { createMember, createOrg } from "@/tests/factories";
import { seedCourses, seedTraining } from "./training";

afterAll(closeAppDb);

describe("seeded training content", () => {
  it.each(seedCourses.map((c) => [c.code, c] as const))(
    "%s: lessons and 5+ questions in both languages, each with a checkable answer and its explanation",
    (_code, course) => {
      expect(course.lessons.length).toBeGreaterThan(0);
      for (const lesson of course.lessons)
        for (const body of lesson.body) {
          expect(body.length).toBeGreaterThan(300);
          expect(parseMarkdown(body).some((b) => b.type === "heading")).toBe(true);
        }
      expect(course.questions.length).toBeGreaterThanOrEqual(5);
      expect(course.perAttempt).toBeLessThanOrEqual(course.questions.length);
      for (const question of course.questions) {
        for (const text of [...question.q, ...question.why]) expect(text.trim()).not.toBe("");
        expect(question.options.length).toBeGreaterThanOrEqual(2);
        expect(question.options.some(([, , correct]) => correct)).toBe(true);
        expect(question.options.some(([, , correct]) => !correct)).toBe(true);
        for (const [zh, en] of question.options) expect(zh && en).toBeTruthy();
        // A multiple-choice question says so in both languages.
        const multiple = question.options.filter(([, , c]) => c).length > 1;
        if (multiple) {
          expect(question.q[0]).toContain("多选");
          expect(question.q[1]).toMatch(/all that apply/);
        }
      }
    },
  );
});

describe("demo training", () => {
  it("seeds the courses, assigns them by their rules, completes PIPL essentials for the officers and escalates the overdue support agent", async () => {
    const { orgId, ownerId } = await createOrg();
    const manager = await createMember(orgId, "manager");
    const agent = await createMember(orgId, "employee");
    await withTenant(orgId, async (tx) => {
      for (const name of ["客服", "技术", "市场"]) {
        const [dept] = await tx
          .insert(departments)
          .values({ orgId, name, headUserId: name === "客服" ? manager : null })
          .returning({ id: departments.id });
        if (name === "客服")
          await tx
            .update(memberships)
            .set({ departmentId: dept.id })
            .where(
              and(
                eq(memberships.orgId, orgId),
                sql`${memberships.userId} in (${manager}, ${agent})`,
              ),
            );
      }
      await seedTraining(tx, orgId, "full", { type: "system", id: "seed" });
    });
    const [courses, questions, certificates, assignments, mail] = await withTenant(
      orgId,
      async (tx) =>
        [
          await tx.select().from(trainingCourses).where(eq(trainingCourses.orgId, orgId)),
          await tx.select().from(trainingQuestions).where(eq(trainingQuestions.orgId, orgId)),
          await tx.select().from(trainingCertificates).where(eq(trainingCertificates.orgId, orgId)),
          await tx.select().from(trainingAssignments).where(eq(trainingAssignments.orgId, orgId)),
          await tx
            .select({ userId: messageOutbox.userId, template: messageOutbox.template })
            .from(messageOutbox)
            .where(eq(messageOutbox.orgId, orgId)),
        ] as const,
    );
    expect(courses).toHaveLength(seedCourses.length);
    expect(questions.length).toBe(seedCourses.reduce((n, c) => n + c.questions.length, 0));
    expect(certificates.map((c) => c.userId)).toEqual([ownerId]);
    const agentCourses = assignments.filter((a) => a.userId === agent);
    const codeOf = (id: string) => courses.find((c) => c.id === id)!.code;
    expect(agentCourses.map((a) => codeOf(a.courseId)).sort()).toEqual([
      "breach-impact",
      "cross-region-service",
      "incident-reporting",
      "pipl-essentials",
      "support-identity",
    ]);
    expect(
      agentCourses.find((a) => codeOf(a.courseId) === "support-identity")?.escalatedAt,
    ).not.toBeNull();
    expect(mail).toEqual(
      expect.arrayContaining([
        { userId: agent, template: "training.overdue" },
        { userId: manager, template: "training.escalated" },
      ]),
    );
  });
});
