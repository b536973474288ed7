import type { PurposeBases } from "@/db/schema/purposes";
import { impliesSensitive } from "@/lib/data-categories/options";
import { basisField, lawIds } from "./options";
import type { PurposeFields } from "./schemas";

/**
 * The stored columns for a purpose form: what the person entered plus what follows from it.
 * The basis per law as one map (schema.ts has checked each is its law's own); grounds are kept
 * only for separate consent; a sensitive category makes the purpose sensitive.
 * (The policy version is looked up by the command: it is the document's published version.)
 */
export function purposeValues(input: PurposeFields) {
  return {
    name: { "zh-CN": input.nameZh, en: input.nameEn },
    description: { "zh-CN": input.descriptionZh, en: input.descriptionEn },
    bases: Object.fromEntries(
      lawIds.flatMap((law) => {
        const basis = input[basisField(law)];
        return basis ? [[law, basis]] : [];
      }),
    ) as PurposeBases,
    consentKind: input.consentKind,
    separateGrounds: input.consentKind === "separate" ? [...new Set(input.separateGrounds)] : [],
    dataCategories: [...new Set(input.dataCategories)],
    sensitive: input.sensitive || impliesSensitive(input.dataCategories),
    recipientVendorIds: [...new Set(input.recipientVendorIds)],
    crossBorderDestination: input.crossBorderDestination ?? null,
    // A mechanism belongs to a transfer: without a destination there is none to keep.
    transferMechanism: input.crossBorderDestination ? (input.transferMechanism ?? null) : null,
    required: input.required,
    policyDocumentId: input.policyDocumentId ?? null,
  };
}

export type PurposeValues = ReturnType<typeof purposeValues>;

// Lists are sets and texts are maps: order never counts as a change.
const normal = (value: unknown): unknown =>
  Array.isArray(value)
    ? [...value].sort()
    : value && typeof value === "object"
      ? Object.entries(value).sort()
      : value;

/** Names of the columns whose value differs: what the audit event records (never the values). */
export function changedFields(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): string[] {
  return Object.keys(next).filter(
    (key) => JSON.stringify(normal(current[key])) !== JSON.stringify(normal(next[key])),
  );
}

/**
 * The fields whose change asks a consent-based purpose's customers to consent again (PIPL Art. 14:
 * a change of purpose, method or data categories needs new consent): what it uses, who receives
 * it, where it goes, and the basis it rests on.
 */
export const reconsentFields: readonly string[] = [
  "dataCategories",
  "recipientVendorIds",
  "crossBorderDestination",
  "bases",
];
