import { z } from "zod";
import { dpaStatuses, handlerRoles } from "@/db/schema/vendors";
import { dataCategories } from "@/lib/data-categories/options";
import { certifications, purposes, regions } from "./options";
import { riskQuestions, type RiskAnswers } from "./risk";
import { optional, text } from "@/lib/core/validation/form-fields";

const checkbox = z.preprocess((value) => value === "true", z.boolean());
const isoDate = z.iso.date();
/** A checkbox group: absent when nothing is ticked. */
const someOf = <T extends readonly [string, ...string[]]>(values: T, atLeastOne: boolean) =>
  z.preprocess(
    (value) => value ?? [],
    atLeastOne
      ? z.array(z.enum(values)).min(1, "errors.chooseAtLeastOne")
      : z.array(z.enum(values)),
  );

const riskAnswers = z.object(
  Object.fromEntries(
    riskQuestions.map((q) => [q.id, z.enum(q.options.map((o) => o.id) as [string, ...string[]])]),
  ),
) as unknown as z.ZodType<RiskAnswers>;

/** Radio groups are named `risk.<question>`; gather them so errors come back under the same names. */
function nestRiskAnswers(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const out: Record<string, unknown> = { risk: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("risk.")) (out.risk as Record<string, unknown>)[key.slice(5)] = value;
    else out[key] = value;
  }
  return out;
}

const fields = z.object({
  name: text(200),
  service: text(200),
  country: z.enum(regions),
  handlerRole: z.enum(handlerRoles),
  dataCategories: someOf(dataCategories, true),
  purposes: someOf(purposes, true),
  sensitiveData: checkbox,
  crossBorder: checkbox,
  dpaStatus: z.enum(dpaStatuses),
  dpaSignedOn: optional(isoDate),
  dpaExpiresOn: optional(isoDate),
  certifications: someOf(certifications, false),
  risk: riskAnswers,
  reviewCadenceMonths: optional(z.coerce.number().int().min(1).max(60)),
  lastReviewedOn: optional(isoDate),
  nextReviewOn: optional(isoDate),
  ownerDepartmentId: optional(z.uuid()),
  contactName: optional(text(100)),
  contactEmail: optional(z.string().trim().pipe(z.email()).pipe(z.string().max(200))),
  notes: optional(text(2000)),
});

type Fields = z.infer<typeof fields>;

/** A signed DPA needs its signing date; an expiry must come after the signing. */
function dpaRules(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  if (value.dpaStatus === "signed" && !value.dpaSignedOn) {
    ctx.addIssue({ code: "custom", path: ["dpaSignedOn"], message: "errors.dpaSignedRequired" });
  }
  if (
    value.dpaStatus !== "none" &&
    value.dpaSignedOn &&
    value.dpaExpiresOn &&
    value.dpaExpiresOn <= value.dpaSignedOn
  ) {
    ctx.addIssue({ code: "custom", path: ["dpaExpiresOn"], message: "errors.dateOrder" });
  }
}

// Checked even when other fields failed, so a refused form shows every problem at once.
const always = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null,
};

export const vendorCreateSchema = z.preprocess(
  nestRiskAnswers,
  fields.superRefine(dpaRules, always),
);
export const vendorUpdateSchema = z.preprocess(
  nestRiskAnswers,
  fields.extend({ id: z.uuid(), version: z.string().min(1) }).superRefine(dpaRules, always),
);
export const vendorIdSchema = z.object({ id: z.uuid() });

export type VendorInput = z.infer<typeof vendorCreateSchema>;
export type VendorUpdateInput = z.infer<typeof vendorUpdateSchema>;

/** A route segment that cannot be a vendor id is a 404, not a database error. */
export const isVendorId = (id: string) => z.uuid().safeParse(id).success;
