import { describe, expect, it } from "vitest";
import { flagsOn } from "./flags";

describe("review and DPA flags", () => {
  const today = "2026-06-01";
  it.each([
    [
      "review far away",
      { nextReviewOn: "2026-07-02", dpaStatus: "none", dpaExpiresOn: null },
      { reviewState: "ok", dpaStatus: "none", dpaExpiring: false },
    ],
    [
      "review in exactly 30 days is due",
      { nextReviewOn: "2026-07-01", dpaStatus: "none", dpaExpiresOn: null },
      { reviewState: "due", dpaStatus: "none", dpaExpiring: false },
    ],
    [
      "review today is due",
      { nextReviewOn: today, dpaStatus: "none", dpaExpiresOn: null },
      { reviewState: "due", dpaStatus: "none", dpaExpiring: false },
    ],
    [
      "review yesterday is overdue",
      { nextReviewOn: "2026-05-31", dpaStatus: "none", dpaExpiresOn: null },
      { reviewState: "overdue", dpaStatus: "none", dpaExpiring: false },
    ],
    [
      "signed DPA ending in 30 days is expiring",
      { nextReviewOn: "2027-01-01", dpaStatus: "signed", dpaExpiresOn: "2026-07-01" },
      { reviewState: "ok", dpaStatus: "signed", dpaExpiring: true },
    ],
    [
      "signed DPA ending in 31 days is fine",
      { nextReviewOn: "2027-01-01", dpaStatus: "signed", dpaExpiresOn: "2026-07-02" },
      { reviewState: "ok", dpaStatus: "signed", dpaExpiring: false },
    ],
    [
      "signed DPA ending today is still in force",
      { nextReviewOn: "2027-01-01", dpaStatus: "signed", dpaExpiresOn: today },
      { reviewState: "ok", dpaStatus: "signed", dpaExpiring: true },
    ],
    [
      "signed DPA that ended yesterday is expired",
      { nextReviewOn: "2027-01-01", dpaStatus: "signed", dpaExpiresOn: "2026-05-31" },
      { reviewState: "ok", dpaStatus: "expired", dpaExpiring: false },
    ],
    [
      "signed DPA without an end never expires",
      { nextReviewOn: "2027-01-01", dpaStatus: "signed", dpaExpiresOn: null },
      { reviewState: "ok", dpaStatus: "signed", dpaExpiring: false },
    ],
    [
      "a draft is never expiring",
      { nextReviewOn: "2027-01-01", dpaStatus: "draft", dpaExpiresOn: "2026-06-10" },
      { reviewState: "ok", dpaStatus: "draft", dpaExpiring: false },
    ],
  ] as const)("%s", (_name, vendor, expected) => expect(flagsOn(vendor, today)).toEqual(expected));
});
