import { z } from "zod";
import { dataCategories, needsSeparateConsent } from "@/lib/data-categories/options";
import { basisIdsOf, basisRule } from "@/lib/consent/legal-bases";
import { basisField, consentKindIds, destinations, lawIds, separateGroundIds, type LawId } from "./options";

/** Form fields arrive as strings; an empty one means "not given". */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.string().trim().min(1).max(max);
const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());
/** A checkbox group: absent when nothing is ticked. */
const someOf = <T extends z.ZodType>(item: T) => z.preprocess((value) => value ?? [], z.array(item));
/** Any law's basis id: which law offers it is checked below, with a message that says why not. */
const anyBasis = z.preprocess(blank, z.enum([...new Set(lawIds.flatMap((law) => basisIdsOf(law)))] as [string, ...string[]]).optional());

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
  basisPIPL: anyBasis,
  basisGDPR: anyBasis,
  basisCCPA: anyBasis,
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

/** Why a law refuses a basis: PIPL has no legitimate interest (Art. 13); opt-out is a basis only under CCPA. */
function basisRefusal(law: LawId, basis: string): string | null {
  if (basisRule(law, basis)) return null;
  if (basis === "legitimate_interest") return "purposeNoLegitimateInterest";
  if (basis === "opt_out") return "purposeOptOutCcpaOnly";
  return "purposeBasisNotOfLaw";
}

/** Why a customer could not refuse a required purpose under this basis, if they could. */
const requiredRefusal: Record<string, string> = {
  consent: "purposeConsentNotRequired", opt_out: "purposeOptOutNotRequired", legitimate_interest: "purposeObjectionNotRequired",
};

/**
 * The rules between fields (PIPL Arts. 13, 23, 25, 29, 39; GDPR Arts. 6, 21; CCPA opt-out): a
 * basis per law, each one that law's own. Grounds only count for separate consent: values.ts
 * drops them otherwise, so they are checked only then. Which laws the organisation is under is
 * the command's check (commands.ts).
 */
function purposeRules(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: `errors.${key}` });
  // Other fields may have failed: read the lists defensively.
  const grounds: string[] = Array.isArray(value.separateGrounds) ? value.separateGrounds : [];
  const categories: string[] = Array.isArray(value.dataCategories) ? value.dataCategories : [];
  const bases = lawIds.flatMap((law) => {
    const basis = value[basisField(law)];
    return typeof basis === "string" ? [{ law, basis }] : [];
  });
  if (bases.length === 0) issue("bases", "purposeBasisRequired");
  for (const { law, basis } of bases) {
    const refusal = basisRefusal(law, basis);
    if (refusal) issue(basisField(law), refusal);
    const required = requiredRefusal[basis];
    if (value.required && !refusal && required) issue("required", required);
  }
  const separate = value.consentKind === "separate";
  const onConsent = bases.some(({ law, basis }) => basisRule(law, basis)?.model === "consent");
  if (separate && !onConsent) issue("consentKind", "purposeSeparateNeedsConsent");
  if (separate && grounds.length === 0) issue("separateGrounds", "purposeGroundRequired");
  if (separate && grounds.includes("cross_border") && !value.crossBorderDestination) issue("crossBorderDestination", "purposeDestinationRequired");
  if (onConsent && (value.sensitive === true || needsSeparateConsent(categories))) {
    if (!separate) issue("consentKind", "purposeSensitiveNeedsSeparate");
    else if (grounds.length > 0 && !grounds.includes("sensitive")) issue("separateGrounds", "purposeSensitiveNeedsSeparate");
  }
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
