import { addMonths } from "@/lib/core/dates";
import { flagsOn } from "./flags";
import { assessRisk, defaultCadenceMonths } from "./risk";
import type { VendorInput } from "./schemas";

/** Next review when none is set by hand: the last review (or the day the vendor was added) plus the cadence. */
export function computedNextReview(
  lastReviewedOn: string | null | undefined,
  addedOn: string,
  cadenceMonths: number,
): string {
  return addMonths(lastReviewedOn ?? addedOn, cadenceMonths);
}

/**
 * The stored columns for a vendor form: what the person entered plus what follows from it
 * (risk score and tier, cadence and next review when left empty, review and DPA flags).
 */
export function vendorValues(input: VendorInput, today: string, addedOn: string) {
  const risk = assessRisk({
    answers: input.risk,
    sensitiveData: input.sensitiveData,
    crossBorder: input.crossBorder,
  });
  const reviewCadenceMonths = input.reviewCadenceMonths ?? defaultCadenceMonths[risk.tier];
  const nextReviewOn =
    input.nextReviewOn ?? computedNextReview(input.lastReviewedOn, addedOn, reviewCadenceMonths);
  // Without any DPA there is nothing to date; stale dates from an earlier status are dropped.
  const hasDpa = input.dpaStatus !== "none";
  const dpaExpiresOn = hasDpa ? (input.dpaExpiresOn ?? null) : null;
  const flags = flagsOn({ nextReviewOn, dpaStatus: input.dpaStatus, dpaExpiresOn }, today);
  return {
    name: input.name,
    service: input.service,
    country: input.country,
    handlerRole: input.handlerRole,
    dataCategories: input.dataCategories,
    purposes: input.purposes,
    sensitiveData: input.sensitiveData,
    crossBorder: input.crossBorder,
    dpaStatus: flags.dpaStatus,
    dpaSignedOn: hasDpa ? (input.dpaSignedOn ?? null) : null,
    dpaExpiresOn,
    dpaExpiring: flags.dpaExpiring,
    certifications: input.certifications,
    riskAnswers: input.risk,
    riskScore: risk.score,
    riskTier: risk.tier,
    reviewCadenceMonths,
    lastReviewedOn: input.lastReviewedOn ?? null,
    nextReviewOn,
    reviewState: flags.reviewState,
    ownerDepartmentId: input.ownerDepartmentId ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    notes: input.notes ?? null,
  };
}

export type VendorValues = ReturnType<typeof vendorValues>;

// Arrays are sets and answers are maps: order never counts as a change.
const normal = (value: unknown): unknown =>
  Array.isArray(value)
    ? [...value].sort()
    : value && typeof value === "object"
      ? Object.entries(value).sort()
      : value;

/** Names of the columns whose value differs: what the audit event records (never the values). */
export function changedFields(current: Record<string, unknown>, next: VendorValues): string[] {
  return Object.keys(next).filter(
    (key) =>
      JSON.stringify(normal(current[key])) !==
      JSON.stringify(normal(next[key as keyof VendorValues])),
  );
}
