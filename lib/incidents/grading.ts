import type { IncidentGrade } from "@/db/schema/incidents";

/**
 * The CAC grade a personal-information incident is proposed at, from the people affected and the
 * direct economic loss; the officer confirms it with a reason. 《国家网络安全事件报告管理办法》
 * (in force 2025-11-01), annexed grading guide, "以上" including the number
 * (../shared/reference/regulatory-facts.md, "Incidents"; verify figures with counsel). Highest first.
 */
export const gradeThresholds: ReadonlyArray<{
  grade: IncidentGrade;
  people?: number;
  lossCny?: number;
  source: string;
}> = [
  {
    grade: "especially_major",
    people: 100_000_000,
    lossCny: 100_000_000,
    source: "CAC grading guide: 特别重大 — ≥ 100 million people, or direct loss ≥ RMB 100 million",
  },
  { grade: "major", people: 10_000_000, source: "CAC grading guide: 重大 — ≥ 10 million people" },
  {
    grade: "relatively_major",
    people: 1_000_000,
    lossCny: 5_000_000,
    source: "CAC grading guide: 较大 — ≥ 1 million people, or direct loss ≥ RMB 5 million",
  },
];

export const gradeRank = (grade: IncidentGrade): number =>
  ["general", "relatively_major", "major", "especially_major"].indexOf(grade);

/** The grade the figures reach (一般 below every threshold); null when neither figure is known. */
export function proposeGrade(people: number | null, lossCny: number | null): IncidentGrade | null {
  if (people === null && lossCny === null) return null;
  const reached = gradeThresholds.find(
    (t) =>
      (t.people !== undefined && people !== null && people >= t.people) ||
      (t.lossCny !== undefined && lossCny !== null && lossCny >= t.lossCny),
  );
  return reached?.grade ?? "general";
}

/** The people a grade is proposed from: the larger of the officer's estimate and the selection from the vault. */
export function peopleAffected(estimate: number | null, selected: number | null): number | null {
  if (estimate === null) return selected;
  return selected === null ? estimate : Math.max(estimate, selected);
}
