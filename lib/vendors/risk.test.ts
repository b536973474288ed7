import { describe, expect, it } from "vitest";
import {
  assessRisk,
  defaultCadenceMonths,
  maxRiskScore,
  riskQuestions,
  type RiskTierId,
} from "./risk";

// Answers in the questionnaire's order: volume, access, subprocessors, incidents, deletion, assessment.
const answers = (ids: string[]) => Object.fromEntries(riskQuestions.map((q, i) => [q.id, ids[i]]));

const cases: Array<
  [string, string[], { sensitive?: boolean; crossBorder?: boolean }, number, RiskTierId]
> = [
  [
    "lowest possible answers",
    ["under10k", "transit", "none", "none", "verified", "audited"],
    {},
    1,
    "low",
  ],
  [
    "5 is still low",
    ["under10k", "stores", "disclosed", "none", "contractual", "questionnaire"],
    {},
    5,
    "low",
  ],
  [
    "6 is medium",
    ["under1m", "stores", "none", "none", "contractual", "questionnaire"],
    {},
    6,
    "medium",
  ],
  [
    "sensitive data adds 4 (10 is medium)",
    ["under1m", "stores", "none", "none", "contractual", "questionnaire"],
    { sensitive: true },
    10,
    "medium",
  ],
  [
    "cross-border adds 4 (11 is high)",
    ["under1m", "direct", "disclosed", "none", "contractual", "audited"],
    { crossBorder: true },
    11,
    "high",
  ],
  [
    "16 is high",
    ["over1m", "stores", "disclosed", "none", "contractual", "audited"],
    { sensitive: true, crossBorder: true },
    16,
    "high",
  ],
  [
    "17 is critical",
    ["over1m", "stores", "disclosed", "none", "contractual", "questionnaire"],
    { sensitive: true, crossBorder: true },
    17,
    "critical",
  ],
  [
    "every worst answer",
    ["over1m", "direct", "unknown", "breach", "unknown", "none"],
    { sensitive: true, crossBorder: true },
    28,
    "critical",
  ],
  [
    "a past breach is never below high",
    ["under10k", "transit", "none", "breach", "verified", "audited"],
    {},
    5,
    "high",
  ],
  [
    "a breach does not lower a critical score",
    ["over1m", "direct", "unknown", "breach", "unknown", "none"],
    {},
    20,
    "critical",
  ],
  ["unanswered questions count zero", [], {}, 0, "low"],
  [
    "an unknown option counts zero",
    ["huge", "transit", "none", "none", "verified", "audited"],
    {},
    1,
    "low",
  ],
];

describe("vendor risk scoring", () => {
  it.each(cases)("%s", (_name, ids, flags, score, tier) => {
    expect(
      assessRisk({
        answers: answers(ids),
        sensitiveData: flags.sensitive ?? false,
        crossBorder: flags.crossBorder ?? false,
      }),
    ).toEqual({ score, tier });
  });

  it("has 5 to 7 questions of distinct ids, each with distinct options", () => {
    expect(riskQuestions.length).toBeGreaterThanOrEqual(5);
    expect(riskQuestions.length).toBeLessThanOrEqual(7);
    expect(new Set(riskQuestions.map((q) => q.id)).size).toBe(riskQuestions.length);
    for (const q of riskQuestions)
      expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
  });

  it("knows the maximum score", () => expect(maxRiskScore).toBe(28));

  it("reviews riskier vendors more often", () => {
    expect(defaultCadenceMonths).toEqual({ low: 24, medium: 12, high: 6, critical: 3 });
  });
});
