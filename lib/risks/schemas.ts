import { z } from "zod";
import { riskTreatments } from "@/db/schema/risks";
import { optional, text } from "@/lib/core/validation/form-fields";

const step = z.coerce.number().int().min(1).max(5);

const fields = z.object({
  title: text(200),
  description: optional(text(4000)),
  ownerId: z.uuid(),
  inherentLikelihood: step,
  inherentImpact: step,
  residualLikelihood: step,
  residualImpact: step,
  treatment: z.enum(riskTreatments),
  reviewOn: z.iso.date(),
});

type Fields = z.infer<typeof fields>;

/** Controls lower a risk or leave it as it is: the residual score never exceeds the inherent one. */
function residualNotAbove(value: Fields, ctx: z.core.$RefinementCtx<Fields>) {
  if (
    value.residualLikelihood * value.residualImpact >
    value.inherentLikelihood * value.inherentImpact
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["residualImpact"],
      message: "errors.residualAboveInherent",
    });
  }
}

const always = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null,
};

export const riskCreateSchema = fields.superRefine(residualNotAbove, always);
export const riskUpdateSchema = fields
  .extend({ id: z.uuid() })
  .superRefine(residualNotAbove, always);
export const riskAcceptSchema = z.object({ id: z.uuid(), expiresOn: z.iso.date() });
export const riskLinkSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["finding", "vendor"]),
  targetId: z.uuid(),
});

export type RiskInput = z.infer<typeof riskCreateSchema>;
export type RiskUpdateInput = z.infer<typeof riskUpdateSchema>;
export type RiskLinkInput = z.infer<typeof riskLinkSchema>;

export const isRiskId = (id: string) => z.uuid().safeParse(id).success;
