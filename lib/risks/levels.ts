/**
 * The 5 × 5 grid: likelihood and impact from 1 (rare, negligible) to 5 (almost certain, severe);
 * a score is their product. The level bands are a common reading of a 5 × 5 matrix, a choice of
 * this product and not a legal rule: other bands are a change to this table, which the heat map,
 * lists and overview follow.
 */
export const gridSteps = [1, 2, 3, 4, 5] as const;
export type GridStep = (typeof gridSteps)[number];

export const riskLevels = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** The lowest score of each level. */
const levelFloors: ReadonlyArray<readonly [RiskLevel, number]> = [
  ["critical", 15],
  ["high", 10],
  ["medium", 5],
  ["low", 1],
];

export function riskLevel(score: number): RiskLevel {
  return levelFloors.find(([, floor]) => score >= floor)?.[0] ?? "low";
}

export const riskScore = (likelihood: number, impact: number) => likelihood * impact;
