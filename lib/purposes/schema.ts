import { z } from "zod";
import { dataCategories, needsSeparateConsent } from "@/lib/data-categories/options";
import { consentKindIds, destinations, legalBasisIds, separateGroundIds } from "./options";

/** Form fields arrive as strings; an empty one means "not given". */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.string().trim().min(1).max(max);
const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());
/** A checkbox group: absent when nothing is ticked. */
const someOf = <T extends z.ZodType>(item: T) => z.preprocess((value) => value ?? [], z.array(item));

/**
 * The code the platform's API uses; it never changes after creation (integrations depend on it).
 * The form calls it `identifier`: fields named like "code" are never echoed back (one-time codes).
 */
export const purposeCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,62}$/, "errors.purposeCodeFormat");

const fields = z.object({
  nameZh: text(200),
  nameEn: text(200),
  descriptionZh: text(2_000),
  descriptionEn: text(2_000),
  legalBasis: z.enum(legalBasisIds),
  consentKind: z.enum(consentKindIds),
  separateGrounds: someOf(z.enum(separateGroundIds)),
  dataCategories: z.preprocess((value) => value ?? [], z.array(z.enum(dataCategories)).min(1, "errors.chooseAtLeastOne")),
  sensitive: checkbox,
  recipientVendorIds: someOf(z.uuid()),
  crossBorderDestination: z.preprocess(blank, z.enum(destinations).optional()),
  required: checkbox,
  policyDocumentId: z.preprocess(blank, z.uuid().optional()),
});

type Fields = z.infer<typeof fields>;

/**
 * The rules between fields (PIPL Arts. 13, 23, 25, 29, 39; CCPA opt-out). Grounds only count for
 * separate consent: values.ts drops them otherwise, so they are checked only then.
 */
function purposeRules(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  const issue = (path: keyof Fields, key: string) => ctx.addIssue({ code: "custom", path: [path], message: `errors.${key}` });
  // Other fields may have failed: read the lists defensively.
  const grounds: string[] = Array.isArray(value.separateGrounds) ? value.separateGrounds : [];
  const categories: string[] = Array.isArray(value.dataCategories) ? value.dataCategories : [];
  const separate = value.consentKind === "separate";
  const onConsent = value.legalBasis === "consent";
  if (separate && !onConsent) issue("consentKind", "purposeSeparateNeedsConsent");
  if (separate && grounds.length === 0) issue("separateGrounds", "purposeGroundRequired");
  if (separate && grounds.includes("cross_border") && !value.crossBorderDestination) issue("crossBorderDestination", "purposeDestinationRequired");
  if (onConsent && (value.sensitive === true || needsSeparateConsent(categories))) {
    if (!separate) issue("consentKind", "purposeSensitiveNeedsSeparate");
    else if (grounds.length > 0 && !grounds.includes("sensitive")) issue("separateGrounds", "purposeSensitiveNeedsSeparate");
  }
  if (value.required && value.legalBasis === "consent") issue("required", "purposeConsentNotRequired");
  else if (value.required && value.consentKind === "opt_out") issue("required", "purposeOptOutNotRequired");
}

// Checked even when other fields failed, so a refused form shows every problem at once.
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const purposeCreateSchema = fields.extend({ identifier: purposeCode }).superRefine(purposeRules, always);
export const purposeUpdateSchema = fields.extend({ id: z.uuid(), version: z.string().min(1) }).superRefine(purposeRules, always);
export const purposeIdSchema = z.object({ id: z.uuid() });

export type PurposeFields = Fields;
export type PurposeCreateInput = z.infer<typeof purposeCreateSchema>;
export type PurposeUpdateInput = z.infer<typeof purposeUpdateSchema>;

/** A route segment that cannot be a purpose id is a 404, not a database error. */
export const isPurposeId = (id: string) => z.uuid().safeParse(id).success;
