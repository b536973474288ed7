import type { RuleScope } from "@/db/schema/training";

/** [Chinese, English]. */
export type Both = readonly [string, string];

export interface SeedQuestion {
  /** Multiple choice when more than one option is correct. */
  q: Both;
  /** [Chinese, English, correct]. */
  options: ReadonlyArray<readonly [string, string, boolean]>;
  why: Both;
}

export interface SeedCourse {
  code: string;
  title: Both;
  description: Both;
  passMark: number;
  perAttempt: number;
  lessons: ReadonlyArray<{ title: Both; body: Both }>;
  questions: readonly SeedQuestion[];
  /** Who must take it in the demo (a department by its demo name). */
  rule: {
    scope: RuleScope;
    department?: string;
    dueDays: number;
    recurYearly: boolean;
    joinersOnly?: boolean;
  };
  /** Linked to the demo's staff rules: a material version reassigns the course. */
  linkStaffRules?: boolean;
}
