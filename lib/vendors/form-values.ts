import type { vendors } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { computedNextReview } from "./values";

type Vendor = typeof vendors.$inferSelect;
export type VendorFormValues = Record<string, string | string[]>;

/** A new vendor's form: mainland China and no DPA until someone says otherwise. */
export const newVendorValues: VendorFormValues = { country: "CN", dpaStatus: "none" };

/**
 * A stored vendor as the edit form's field values (the same shape a refused submission echoes).
 * The next review date is shown only when it was set by hand: a computed one is left empty so
 * that it follows a new last-review date or cadence.
 */
export function vendorFormValues(vendor: Vendor): {
  values: VendorFormValues;
  computedNextReview: string;
} {
  const addedOn = todayIso(vendor.createdAt);
  const computed = computedNextReview(vendor.lastReviewedOn, addedOn, vendor.reviewCadenceMonths);
  const values: VendorFormValues = {
    id: vendor.id,
    version: vendor.updatedAt,
    name: vendor.name,
    service: vendor.service,
    country: vendor.country,
    handlerRole: vendor.handlerRole,
    dataCategories: vendor.dataCategories,
    purposes: vendor.purposes,
    ...(vendor.sensitiveData ? { sensitiveData: "true" } : {}),
    ...(vendor.crossBorder ? { crossBorder: "true" } : {}),
    dpaStatus: vendor.dpaStatus,
    dpaSignedOn: vendor.dpaSignedOn ?? "",
    dpaExpiresOn: vendor.dpaExpiresOn ?? "",
    certifications: vendor.certifications,
    ...Object.fromEntries(Object.entries(vendor.riskAnswers).map(([q, a]) => [`risk.${q}`, a])),
    reviewCadenceMonths: String(vendor.reviewCadenceMonths),
    lastReviewedOn: vendor.lastReviewedOn ?? "",
    nextReviewOn: vendor.nextReviewOn === computed ? "" : vendor.nextReviewOn,
    ownerDepartmentId: vendor.ownerDepartmentId ?? "",
    contactName: vendor.contactName ?? "",
    contactEmail: vendor.contactEmail ?? "",
    notes: vendor.notes ?? "",
  };
  return { values, computedNextReview: computed };
}
