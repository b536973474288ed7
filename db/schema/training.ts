import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { departments } from "./departments";
import { organizations } from "./organizations";
import type { LocalizedText } from "./policies";
import { users, type Role } from "./users";

/**
 * A course: bilingual lessons and a question bank. An attempt draws `questionsPerAttempt` of the
 * bank's questions (all of them when there are fewer) and passes at `passMark` percent. A course
 * linked to policy documents is assigned again when one of them publishes a material version.
 */
export const trainingCourses = pgTable(
  "training_courses",
  {
    ...tenantKey,
    /** Stable short name, e.g. `pipl-essentials`. */
    code: text("code").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    passMark: integer("pass_mark").notNull().default(80),
    questionsPerAttempt: integer("questions_per_attempt").notNull().default(5),
    /** Policy documents whose material versions reassign this course. */
    policyDocumentIds: uuid("policy_document_ids").array().notNull().default([]),
    /** Versions published before the documents were linked reassign nothing. */
    policiesLinkedAt: timestamp("policies_linked_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** A retired course keeps its records but is assigned to nobody. */
    retired: boolean("retired").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("training_courses_code_key").on(t.orgId, t.code),
    check("training_courses_pass_mark", sql`${t.passMark} between 1 and 100`),
    check("training_courses_questions", sql`${t.questionsPerAttempt} between 1 and 50`),
  ],
);

/** A lesson: Markdown per language, rendered by the policies' renderer (no raw HTML). */
export const trainingLessons = pgTable(
  "training_lessons",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    position: integer("position").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }).onDelete("cascade"),
    index("training_lessons_course_idx").on(t.orgId, t.courseId, t.position),
  ],
);

export const questionKinds = ["single", "multiple"] as const;
export type QuestionKind = (typeof questionKinds)[number];
/** One answer option; `correct` never leaves the server before the attempt is submitted. */
export interface QuestionOption {
  text: LocalizedText;
  correct: boolean;
}

/** A question of a course's bank: single choice (one correct option) or multiple choice. */
export const trainingQuestions = pgTable(
  "training_questions",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind").$type<QuestionKind>().notNull(),
    prompt: jsonb("prompt").$type<LocalizedText>().notNull(),
    options: jsonb("options").$type<QuestionOption[]>().notNull(),
    explanation: jsonb("explanation").$type<LocalizedText>().notNull(),
    /** A retired question is drawn no more; attempts that drew it keep it. */
    retired: boolean("retired").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }).onDelete("cascade"),
    index("training_questions_course_idx").on(t.orgId, t.courseId, t.position),
    check("training_questions_kind", sql`${t.kind} in ('single', 'multiple')`),
  ],
);

export const ruleScopes = ["everyone", "role", "department"] as const;
export type RuleScope = (typeof ruleScopes)[number];

/**
 * Who must take a course: everyone, a role or a department; `joinersOnly` limits it to people
 * who join after the rule was made. Each is due `dueDays` after being assigned (after joining, for
 * someone who joins later); `recurYearly` assigns it again a year after each completion.
 */
export const trainingRules = pgTable(
  "training_rules",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    scope: text("scope").$type<RuleScope>().notNull(),
    role: text("role").$type<Role>(),
    departmentId: uuid("department_id"),
    joinersOnly: boolean("joiners_only").notNull().default(false),
    dueDays: integer("due_days").notNull().default(30),
    recurYearly: boolean("recur_yearly").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    index("training_rules_course_idx").on(t.orgId, t.courseId),
    check("training_rules_scope", sql`${t.scope} in ('everyone', 'role', 'department')`),
    check(
      "training_rules_target",
      sql`(${t.scope} = 'role') = (${t.role} is not null) and (${t.scope} = 'department') = (${t.departmentId} is not null)`,
    ),
    check("training_rules_due_days", sql`${t.dueDays} between 1 and 365`),
  ],
);

export const assignmentReasons = ["rule", "joiner", "yearly", "policy_change"] as const;
export type AssignmentReason = (typeof assignmentReasons)[number];

/**
 * A course a person must complete by `dueOn` (a Beijing date). At most one open assignment per
 * person and course; completing it stamps `completedAt`. The reminder job stamps what it sent.
 */
export const trainingAssignments = pgTable(
  "training_assignments",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    ruleId: uuid("rule_id"),
    reason: text("reason").$type<AssignmentReason>().notNull(),
    /** The material policy version that caused a `policy_change` assignment. */
    policyVersionId: uuid("policy_version_id"),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    dueOn: date("due_on").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    remindedBeforeAt: timestamp("reminded_before_at", { withTimezone: true }),
    remindedOverdueAt: timestamp("reminded_overdue_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }),
    uniqueIndex("training_assignments_one_open")
      .on(t.orgId, t.courseId, t.userId)
      .where(sql`completed_at is null`),
    index("training_assignments_person_idx").on(t.orgId, t.userId, t.courseId),
    index("training_assignments_open_due_idx")
      .on(t.orgId, t.dueOn)
      .where(sql`completed_at is null`),
    check(
      "training_assignments_reason",
      sql`${t.reason} in ('rule', 'joiner', 'yearly', 'policy_change')`,
    ),
  ],
);

/** The questions an attempt drew, in the order shown, each with its options' shown order. */
export interface DrawnQuestion {
  questionId: string;
  /** Indexes into the question's `options`, in the order shown. */
  optionOrder: number[];
}
/** What was chosen per question: indexes into the question's `options` (not the shown order). */
export type AttemptAnswers = Record<string, number[]>;

/** One go at a course's quiz. Graded on the server when submitted; never changed after. */
export const trainingAttempts = pgTable(
  "training_attempts",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    assignmentId: uuid("assignment_id"),
    drawn: jsonb("drawn").$type<DrawnQuestion[]>().notNull(),
    answers: jsonb("answers").$type<AttemptAnswers>(),
    correctCount: integer("correct_count"),
    score: integer("score"),
    passMark: integer("pass_mark").notNull(),
    passed: boolean("passed"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }),
    foreignKey({
      columns: [t.orgId, t.assignmentId],
      foreignColumns: [trainingAssignments.orgId, trainingAssignments.id],
    }),
    index("training_attempts_user_idx").on(t.orgId, t.userId, t.startedAt),
  ],
);

/**
 * A completion certificate. `code` is what the public verification page looks up; it shows the
 * course, the date and `holderInitial` only (the first letter of the holder's name).
 */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    ...tenantKey,
    courseId: uuid("course_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    attemptId: uuid("attempt_id").notNull(),
    code: text("code").notNull(),
    holderInitial: text("holder_initial").notNull(),
    score: integer("score").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }),
    foreignKey({
      columns: [t.orgId, t.attemptId],
      foreignColumns: [trainingAttempts.orgId, trainingAttempts.id],
    }),
    uniqueIndex("training_certificates_code_key").on(t.orgId, t.code),
    uniqueIndex("training_certificates_attempt_key").on(t.orgId, t.attemptId),
    index("training_certificates_user_idx").on(t.orgId, t.userId),
  ],
);

/** A material policy version already turned into assignments of a course (so it acts once). */
export const trainingPolicyTriggers = pgTable(
  "training_policy_triggers",
  {
    orgId: uuid("org_id").notNull(),
    courseId: uuid("course_id").notNull(),
    policyVersionId: uuid("policy_version_id").notNull(),
    assigned: integer("assigned").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.courseId, t.policyVersionId] }),
    foreignKey({
      columns: [t.orgId, t.courseId],
      foreignColumns: [trainingCourses.orgId, trainingCourses.id],
    }).onDelete("cascade"),
  ],
);
