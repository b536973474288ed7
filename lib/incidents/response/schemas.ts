import { z } from "zod";
import {
  incidentTaskStatuses,
  regulatorReportKinds,
  regulatorReportStages,
} from "@/db/schema/incident-response";
import { ORG_TIME_ZONE } from "@/lib/core/dates";
import { MAX_FILE_BYTES } from "@/lib/core/files/file-type";
import { instantOf } from "@/lib/requests/receipt-time";
import { blank, optional, text } from "@/lib/core/validation/form-fields";

const id = z.uuid();
const time = z.preprocess(
  (v) => blank(v) ?? "00:00",
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "errors.invalid" }),
);
const SKEW_MS = 5 * 60_000;
/** A date and time typed in Beijing time ("on", "at") as an instant, not in the future. */
const instantFields = { on: z.iso.date(), at: time };
const toInstant = <T extends { on: string; at: string }>({ on, at, ...rest }: T) => ({
  ...(rest as Omit<T, "on" | "at">),
  instant: instantOf(on, at, ORG_TIME_ZONE),
});
const notFuture: [(v: { instant: Date }) => boolean, { path: string[]; message: string }] = [
  (v) => v.instant.getTime() <= Date.now() + SKEW_MS,
  { path: ["on"], message: "errors.discoveredInFuture" },
];

/**
 * What the officer writes into a report version (the facts come from the incident). Only the
 * contact is required: the CAC measures ask to report what is known in time and supplement the
 * rest, GDPR Art. 33(4) allows the information in phases.
 */
export const reportContentFields = {
  cac: ["contact", "impact", "measures", "cause", "followUp"],
  gdpr33: ["contact", "nature", "records", "consequences", "measures", "delayReasons"],
} as const;

export const reportPrepareSchema = z.object({
  incidentId: id,
  kind: z.enum(regulatorReportKinds),
  stage: z.enum(regulatorReportStages),
  contact: text(300),
  impact: optional(text(4000)),
  measures: optional(text(4000)),
  cause: optional(text(4000)),
  followUp: optional(text(4000)),
  nature: optional(text(4000)),
  records: optional(text(300)),
  consequences: optional(text(4000)),
  delayReasons: optional(text(4000)),
});
export type ReportPrepareInput = z.infer<typeof reportPrepareSchema>;

export const submissionChannels = [
  "portal",
  "email",
  "phone",
  "post",
  "in_person",
  "other",
] as const;

export const reportSubmissionSchema = z
  .object({
    reportId: id,
    channel: z.enum(submissionChannels),
    reference: optional(text(200)),
    ...instantFields,
  })
  .transform(toInstant)
  .refine(...notFuture);
export type ReportSubmissionInput = z.infer<typeof reportSubmissionSchema>;

export const incidentTaskSchema = z.object({
  incidentId: id,
  title: text(300),
  ownerId: id,
  dueOn: z.iso.date(),
  fromReview: z.preprocess((v) => v === "true", z.boolean()),
});
export type IncidentTaskInput = z.infer<typeof incidentTaskSchema>;

export const incidentTaskStatusSchema = z.object({
  taskId: id,
  status: z.enum(incidentTaskStatuses),
});

export const timelineEntrySchema = z
  .object({
    incidentId: id,
    note: text(4000),
    file: z.preprocess(
      (v) => (v instanceof File && v.size === 0 ? undefined : v),
      z
        .instanceof(File)
        .refine((file) => file.size <= MAX_FILE_BYTES, "errors.fileTooLarge")
        .optional(),
    ),
    ...instantFields,
  })
  .transform(toInstant)
  .refine(...notFuture);
export type TimelineEntryInput = z.infer<typeof timelineEntrySchema>;

export const incidentReviewSchema = z.object({
  incidentId: id,
  cause: text(4000),
  whatWorked: text(4000),
  lessons: text(4000),
  riskIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(id).max(50),
  ),
});
export type IncidentReviewInput = z.infer<typeof incidentReviewSchema>;
