import { z } from "zod";
import { assessmentKinds, findingPriorities, findingStatuses } from "@/db/schema/security-tests";
import { MAX_FILE_BYTES } from "@/lib/core/files/file-type";
import { optional, text } from "@/lib/core/validation/form-fields";

const isoDate = z.iso.date();

export const assessmentCreateSchema = z
  .object({
    kind: z.enum(assessmentKinds),
    title: text(200),
    scope: text(2000),
    testerVendorId: z.uuid(),
    startedOn: isoDate,
    endedOn: optional(isoDate),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    path: ["endedOn"],
    message: "errors.assessmentEndBeforeStart",
  });

export const reportUploadSchema = z.object({
  assessmentId: z.uuid(),
  file: z
    .instanceof(File)
    .refine((file) => file.size > 0, "errors.required")
    .refine((file) => file.size <= MAX_FILE_BYTES, "errors.fileTooLarge"),
});

export const findingCreateSchema = z.object({
  assessmentId: z.uuid(),
  title: text(200),
  description: optional(text(4000)),
  priority: z.enum(findingPriorities),
  cvssScore: optional(z.coerce.number().min(0).max(10).multipleOf(0.1)),
  foundOn: isoDate,
  ownerId: z.uuid(),
});

export const findingStatusSchema = z
  .object({
    findingId: z.uuid(),
    status: z.enum(findingStatuses),
    evidence: optional(text(4000)),
  })
  .refine((v) => v.status === "in_remediation" || v.evidence !== undefined, {
    path: ["evidence"],
    message: "errors.evidenceRequired",
  });

const days = z.coerce.number().int().min(1).max(730);
export const periodsSchema = z
  .object({ P1: days, P2: days, P3: days, P4: days })
  .refine((v) => v.P1 <= v.P2 && v.P2 <= v.P3 && v.P3 <= v.P4, {
    path: ["P4"],
    message: "errors.periodsOrder",
  });

export type AssessmentInput = z.infer<typeof assessmentCreateSchema>;
export type FindingInput = z.infer<typeof findingCreateSchema>;
export type FindingStatusInput = z.infer<typeof findingStatusSchema>;

/** A route segment that cannot be an id is a 404, not a database error. */
export const isId = (id: string) => z.uuid().safeParse(id).success;
