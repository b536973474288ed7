/**
 * The vendor risk questionnaire and its scoring rules, kept as data so that compliance can read
 * (and change) them in one place: each answer is worth points, two PIPL flags add points, the sum
 * falls into a tier, and some answers force a minimum tier whatever the sum.
 */
export type RiskTierId = "low" | "medium" | "high" | "critical";

export const riskQuestions = [
  // How many people's data the vendor receives.
  {
    id: "volume",
    options: [
      { id: "under10k", points: 0 },
      { id: "under1m", points: 2 },
      { id: "over1m", points: 4 },
    ],
  },
  // What the vendor does with it: passes it through, keeps copies, or reaches into our systems.
  {
    id: "access",
    options: [
      { id: "transit", points: 1 },
      { id: "stores", points: 2 },
      { id: "direct", points: 3 },
    ],
  },
  // Whether it hands the data on to sub-processors, and whether we know which.
  {
    id: "subprocessors",
    options: [
      { id: "none", points: 0 },
      { id: "disclosed", points: 1 },
      { id: "unknown", points: 3 },
    ],
  },
  // Its security record over the last three years.
  {
    id: "incidents",
    options: [
      { id: "none", points: 0 },
      { id: "minor", points: 2 },
      { id: "breach", points: 4 },
    ],
  },
  // Whether the data is deleted when the contract ends.
  {
    id: "deletion",
    options: [
      { id: "verified", points: 0 },
      { id: "contractual", points: 1 },
      { id: "unknown", points: 3 },
    ],
  },
  // How we assessed its security.
  {
    id: "assessment",
    options: [
      { id: "audited", points: 0 },
      { id: "questionnaire", points: 1 },
      { id: "none", points: 3 },
    ],
  },
] as const;

export type RiskQuestionId = (typeof riskQuestions)[number]["id"];
export type RiskAnswers = Record<RiskQuestionId, string>;

/** PIPL Art. 28 sensitive data and cross-border transfer each carry separate legal duties. */
export const flagPoints = { sensitiveData: 4, crossBorder: 4 } as const;

/** Highest first: the first tier whose minimum the score reaches. */
export const tierThresholds: ReadonlyArray<{ tier: RiskTierId; minScore: number }> = [
  { tier: "critical", minScore: 17 },
  { tier: "high", minScore: 11 },
  { tier: "medium", minScore: 6 },
  { tier: "low", minScore: 0 },
];

/** Answers that set a floor: a vendor with a past breach is never below "high". */
export const tierFloors: ReadonlyArray<{
  question: RiskQuestionId;
  answer: string;
  atLeast: RiskTierId;
}> = [{ question: "incidents", answer: "breach", atLeast: "high" }];

/** How often each tier is reviewed, unless the vendor's own cadence says otherwise. */
export const defaultCadenceMonths: Record<RiskTierId, number> = {
  low: 24,
  medium: 12,
  high: 6,
  critical: 3,
};

const tierOrder: RiskTierId[] = ["low", "medium", "high", "critical"];

export interface RiskInput {
  answers: Partial<Record<RiskQuestionId, string>>;
  sensitiveData: boolean;
  crossBorder: boolean;
}

/** Score and tier for a set of answers; unanswered questions count zero (the form requires all). */
export function assessRisk({ answers, sensitiveData, crossBorder }: RiskInput): {
  score: number;
  tier: RiskTierId;
} {
  let score = 0;
  for (const question of riskQuestions) {
    score += question.options.find((o) => o.id === answers[question.id])?.points ?? 0;
  }
  if (sensitiveData) score += flagPoints.sensitiveData;
  if (crossBorder) score += flagPoints.crossBorder;
  let tier = tierThresholds.find((t) => score >= t.minScore)?.tier ?? "low";
  for (const floor of tierFloors) {
    if (
      answers[floor.question] === floor.answer &&
      tierOrder.indexOf(floor.atLeast) > tierOrder.indexOf(tier)
    )
      tier = floor.atLeast;
  }
  return { score, tier };
}

/** The highest possible score, for showing a score as "14 / 28". */
export const maxRiskScore =
  riskQuestions.reduce((sum, q) => sum + Math.max(...q.options.map((o) => o.points)), 0) +
  flagPoints.sensitiveData +
  flagPoints.crossBorder;
