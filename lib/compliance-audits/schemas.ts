import { z } from "zod";
import {
  auditFindingSeverities,
  auditKinds,
  checklistResults,
} from "@/db/schema/compliance-audits";
import { lawIds } from "@/lib/requirements/laws";
import { optional, text } from "@/lib/core/validation/form-fields";

const isoDate = z.iso.date();
const list = (value: unknown) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const auditCreateSchema = z
  .object({
    title: text(200),
    kind: z.enum(auditKinds),
    regulatorOrder: optional(text(500)),
    scope: text(2000),
    laws: z.preprocess(
      list,
      z.array(z.enum(lawIds)).min(1, "errors.lawsRequired").max(lawIds.length),
    ),
    auditorType: z.enum(["internal", "vendor"]),
    auditorUserId: optional(z.uuid()),
    auditorVendorId: optional(z.uuid()),
    plannedStart: isoDate,
    plannedEnd: isoDate,
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, {
    path: ["plannedEnd"],
    message: "errors.assessmentEndBeforeStart",
  })
  .refine((v) => v.kind !== "regulator_ordered" || v.regulatorOrder !== undefined, {
    path: ["regulatorOrder"],
    message: "errors.regulatorOrderRequired",
  })
  .refine((v) => v.auditorType !== "internal" || v.auditorUserId !== undefined, {
    path: ["auditorUserId"],
    message: "errors.required",
  })
  .refine((v) => v.auditorType !== "vendor" || v.auditorVendorId !== undefined, {
    path: ["auditorVendorId"],
    message: "errors.required",
  });

export const auditStepSchema = z.object({
  auditId: z.uuid(),
  step: z.enum(["start", "complete"]),
  conclusion: optional(text(4000)),
});

export const checklistItemSchema = z.object({
  auditId: z.uuid(),
  itemId: z.uuid(),
  result: z.enum(checklistResults),
  note: optional(text(2000)),
});

export const auditFindingSchema = z.object({
  auditId: z.uuid(),
  severity: z.enum(auditFindingSeverities),
  title: text(200),
  requirementKey: optional(text(60)),
  description: optional(text(4000)),
  ownerDepartmentId: z.uuid(),
  ownerId: z.uuid(),
  correctiveAction: text(2000),
  dueOn: isoDate,
});

export const findingStepSchema = z.object({
  findingId: z.uuid(),
  step: z.enum(["corrected", "verified", "reopened"]),
  note: text(2000),
});

export type AuditCreateInput = z.infer<typeof auditCreateSchema>;
export type AuditStepInput = z.infer<typeof auditStepSchema>;
export type ChecklistItemInput = z.infer<typeof checklistItemSchema>;
export type AuditFindingInput = z.infer<typeof auditFindingSchema>;
export type FindingStepInput = z.infer<typeof findingStepSchema>;

export const isId = (id: string) => z.uuid().safeParse(id).success;
