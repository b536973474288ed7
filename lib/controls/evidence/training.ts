import "server-only";
import { todayIso } from "@/lib/core/dates";
import { trainingStatusByDepartment } from "@/lib/training/department-status";
import { controlById, statusOfRate } from "../catalogue";
import type { EvidenceQuery } from "./types";

/**
 * Training completion (PIPL Art. 51(4)): over every active member and course assigned to them,
 * those with nothing open, from the training module's own count; late ones named beside it.
 */
export const trainingEvidence: EvidenceQuery = async (tx, orgId, now) => {
  const rows = await trainingStatusByDepartment(tx, orgId, { today: todayIso(now) });
  const assigned = rows.reduce((n, r) => n + r.assigned, 0);
  const completed = rows.reduce((n, r) => n + r.completed, 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  return {
    status: statusOfRate(completed, assigned, controlById("training_completion")!.thresholds),
    numerator: completed,
    denominator: assigned,
    details: { overdue, courses: new Set(rows.map((r) => r.courseId)).size },
  };
};
