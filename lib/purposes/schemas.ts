import { z } from "zod";
import { dataCategories } from "@/lib/data-categories/options";
import { basisIdsOf, basisRule } from "@/lib/consent/legal-bases";
import {
  basisField,
  consentKindIds,
  destinations,
  lawIds,
  separateGroundIds,
  transferMechanismIds,
  type LawId,
} from "./options";
import { purposeViolations } from "./rules";
import { blank, text } from "@/lib/core/validation/form-fields";

const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());
/** A checkbox group: absent when nothing is ticked. */
const someOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => value ?? [], z.array(item));
/** Any law's basis id: which law offers it is checked below, with a message that says why not. */
const anyBasis = z.preprocess(
  blank,
  z
    .enum([...new Set(lawIds.flatMap((law) => basisIdsOf(law)))] as [string, ...string[]])
    .optional(),
);

/**
 * The code the platform's API uses; it never changes after creation (integrations depend on it).
 * The form calls it `identifier`: fields named like "code" are never echoed back (one-time codes).
 */
export const purposeCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, "errors.purposeCodeFormat");

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
  dataCategories: z.preprocess(
    (value) => value ?? [],
    z.array(z.enum(dataCategories)).min(1, "errors.chooseAtLeastOne"),
  ),
  sensitive: checkbox,
  recipientVendorIds: someOf(z.uuid()),
  crossBorderDestination: z.preprocess(blank, z.enum(destinations).optional()),
  transferMechanism: z.preprocess(blank, z.enum(transferMechanismIds).optional()),
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
  consent: "purposeConsentNotRequired",
  opt_out: "purposeOptOutNotRequired",
  legitimate_interest: "purposeObjectionNotRequired",
};

/** The basis given for each law (the form's `basisPIPL`, `basisGDPR`, `basisCCPA`). */
function basesOf(value: Fields): Partial<Record<LawId, string>> {
  return Object.fromEntries(
    lawIds.flatMap((law) => {
      const basis = value[basisField(law)];
      return typeof basis === "string" ? [[law, basis]] : [];
    }),
  );
}

/**
 * The bases per law, each one that law's own (PIPL Art. 13; GDPR Arts. 6, 21; CCPA opt-out), and
 * a required purpose only on a basis the customer cannot refuse. Which laws the organisation is
 * under is the command's check (commands.ts).
 */
function basisRules(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  const issue = (path: string, key: string) =>
    ctx.addIssue({ code: "custom", path: [path], message: `errors.${key}` });
  const bases = basesOf(value);
  if (Object.keys(bases).length === 0) issue("bases", "purposeBasisRequired");
  for (const [law, basis] of Object.entries(bases) as Array<[LawId, string]>) {
    const refusal = basisRefusal(law, basis);
    if (refusal) issue(basisField(law), refusal);
    const required = requiredRefusal[basis];
    if (value.required && !refusal && required) issue("required", required);
  }
}

/**
 * How consent is asked, where and to whom the data goes (lib/purposes/rules.ts), on what is known
 * before the database is read. A form whose fields are all well-formed is checked by the create and
 * edit commands instead, with the recipients' roles and countries, so every broken rule is reported together.
 */
function consentRules(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  // Other fields may have failed: read the lists defensively.
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : []);
  const violations = purposeViolations({
    bases: basesOf(value),
    consentKind: value.consentKind,
    separateGrounds: list(value.separateGrounds),
    dataCategories: list(value.dataCategories),
    sensitive: value.sensitive === true,
    crossBorderDestination: value.crossBorderDestination ?? null,
    transferMechanism: value.transferMechanism ?? null,
  });
  for (const v of violations)
    ctx.addIssue({ code: "custom", path: [v.field], message: `errors.${v.key}` });
}

const isObject = (payload: { value: unknown }) =>
  typeof payload.value === "object" && payload.value !== null;
// Checked even when other fields failed, so a refused form shows every problem at once…
const always = { when: isObject };
// …and the consent rules here only then: otherwise the command checks them with the recipients.
const othersFailed = {
  when: (payload: { value: unknown; issues: unknown[] }) =>
    isObject(payload) && payload.issues.length > 0,
};

const checked = <T extends z.ZodType<Fields>>(schema: T) =>
  schema.superRefine(basisRules, always).superRefine(consentRules, othersFailed);

export const purposeCreateSchema = checked(fields.extend({ identifier: purposeCode }));
/** `confirmReconsent`: the person has read how many customers the change asks to consent again (PIPL Art. 14). */
export const purposeUpdateSchema = checked(
  fields.extend({ id: z.uuid(), version: z.string().min(1), confirmReconsent: checkbox }),
);
export const purposeIdSchema = z.object({ id: z.uuid() });

export type PurposeFields = Fields;
export type PurposeCreateInput = z.infer<typeof purposeCreateSchema>;
export type PurposeUpdateInput = z.infer<typeof purposeUpdateSchema>;

/** A route segment that cannot be a purpose id is a 404, not a database error. */
export const isPurposeId = (id: string) => z.uuid().safeParse(id).success;
