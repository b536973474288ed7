import type { purposes } from "@/db/schema/purposes";
import { basisField, lawIds } from "./options";

type Purpose = typeof purposes.$inferSelect;
export type PurposeFormValues = Record<string, string | string[]>;

/** A new purpose's form: consent under every law, standard, optional, until someone says otherwise. */
export const newPurposeValues: PurposeFormValues = {
  basisPIPL: "consent",
  basisGDPR: "consent",
  basisCCPA: "consent",
  consentKind: "standard",
};

/** A stored purpose as the edit form's field values (the same shape a refused submission echoes). */
export function purposeFormValues(purpose: Purpose): PurposeFormValues {
  return {
    id: purpose.id,
    version: purpose.updatedAt.toISOString(),
    identifier: purpose.code,
    nameZh: purpose.name["zh-CN"],
    nameEn: purpose.name.en,
    descriptionZh: purpose.description["zh-CN"],
    descriptionEn: purpose.description.en,
    ...Object.fromEntries(lawIds.map((law) => [basisField(law), purpose.bases[law] ?? ""])),
    consentKind: purpose.consentKind,
    separateGrounds: purpose.separateGrounds,
    dataCategories: purpose.dataCategories,
    ...(purpose.sensitive ? { sensitive: "true" } : {}),
    recipientVendorIds: purpose.recipientVendorIds,
    crossBorderDestination: purpose.crossBorderDestination ?? "",
    transferMechanism: purpose.transferMechanism ?? "",
    ...(purpose.required ? { required: "true" } : {}),
    policyDocumentId: purpose.policyDocumentId ?? "",
  };
}
