import { z } from "zod";
import { customerLaws } from "@/db/schema/customers";
import {
  breachTypes,
  clockOutcomes,
  gdprRiskLevels,
  incidentClassifications,
  incidentGrades,
} from "@/db/schema/incidents";
import { ORG_TIME_ZONE } from "@/lib/core/dates";
import { dataCategories } from "@/lib/data-categories/options";
import { instantOf } from "@/lib/requests/receipt-time";
import { blank, optional, text } from "@/lib/core/validation/form-fields";

const checkbox = z.preprocess((value) => value === "true", z.boolean());
const someOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => value ?? [], z.array(z.enum(values)));
const people = z.coerce.number().int().min(0).max(10_000_000_000);
const time = z.preprocess(
  (v) => blank(v) ?? "00:00",
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "errors.invalid" }),
);
const id = z.uuid();
/** A few minutes' grace for a clock a little ahead of the server's. */
const SKEW_MS = 5 * 60_000;

/** Systems typed as a comma- or line-separated list. */
const systemList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[,，\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : (value ?? []),
  z.array(z.string().max(100)).max(20),
);

/**
 * A report, from anyone signed in: what happened, when it was discovered (Beijing time, not in the
 * future), the systems and data involved, an estimate of the people, a vendor if one is involved.
 */
export const incidentReportSchema = z
  .object({
    summary: text(200),
    description: text(4000),
    discoveredOn: z.iso.date(),
    discoveredTime: time,
    systems: systemList,
    dataCategories: someOf(dataCategories),
    estimatedAffected: optional(people),
    vendorId: optional(id),
  })
  .transform(({ discoveredOn, discoveredTime, ...input }) => ({
    ...input,
    discoveredAt: instantOf(discoveredOn, discoveredTime, ORG_TIME_ZONE),
  }))
  .refine((input) => input.discoveredAt.getTime() <= Date.now() + SKEW_MS, {
    path: ["discoveredOn"],
    message: "errors.discoveredInFuture",
  });
export type IncidentReportInput = z.infer<typeof incidentReportSchema>;

/**
 * The officer's triage: the classification (a breach names what it did to the information; "not
 * an incident" gives its reason), the figures the grade is proposed from, the laws the affected
 * people fall under, the GDPR risk (none needs its reason), drill or not, and who handles it.
 */
export const incidentTriageSchema = z
  .object({
    id,
    classification: z.enum(incidentClassifications),
    breachTypes: someOf(breachTypes),
    dismissReason: optional(text(2000)),
    estimatedAffected: optional(people),
    directLossCny: optional(z.coerce.number().int().min(0).max(1e15)),
    affectedLaws: someOf(customerLaws),
    californiaResidents: optional(people),
    gdprRisk: optional(z.enum(gdprRiskLevels)),
    gdprRiskReason: optional(text(2000)),
    drill: checkbox,
    assigneeId: optional(id),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (input.classification === "pi_breach" && input.breachTypes.length === 0)
      issue("breachTypes", "errors.chooseAtLeastOne");
    if (input.classification === "not_incident" && !input.dismissReason)
      issue("dismissReason", "errors.required");
    if (input.gdprRisk === "none" && !input.gdprRiskReason)
      issue("gdprRiskReason", "errors.required");
  });
export type IncidentTriageInput = z.infer<typeof incidentTriageSchema>;

/** The officer confirms (or changes) the proposed CAC grade, always with a reason. */
export const incidentGradeSchema = z.object({
  id,
  grade: z.enum(incidentGrades),
  reason: text(2000),
});

export const incidentMoveSchema = z.object({
  id,
  to: z.enum(["investigating", "contained", "notifying", "closed", "dismissed"]),
  reason: optional(text(2000)),
});

/**
 * A clock stopped: the report or notice made at a time (default now), or not needed (a reason, or
 * one of GDPR Art. 34(3)'s exceptions). Whether the rule allows it is the command's to check.
 */
export const incidentClockMarkSchema = z
  .object({
    id,
    ruleKey: z.string().min(1).max(64),
    outcome: z.enum(clockOutcomes),
    doneOn: optional(z.iso.date()),
    doneTime: time,
    reason: optional(text(2000)),
    exception: optional(z.enum(["encrypted", "later_measures", "disproportionate_effort"])),
  })
  .transform(({ doneOn, doneTime, ...input }) => ({
    ...input,
    at: doneOn ? instantOf(doneOn, doneTime, ORG_TIME_ZONE) : new Date(),
  }))
  .refine((input) => input.at.getTime() <= Date.now() + SKEW_MS, {
    path: ["doneOn"],
    message: "errors.discoveredInFuture",
  });
export type IncidentClockMarkInput = z.infer<typeof incidentClockMarkSchema>;

export const incidentSettingsSchema = z.object({
  ciiOperator: checkbox,
  piplTargetHours: z.coerce.number().int().min(1).max(168),
});
export type IncidentSettingsInput = z.infer<typeof incidentSettingsSchema>;

/** An organisation's own clock rule: a jurisdiction as a row. */
export const incidentClockRuleSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,40}$/, { error: "errors.ruleKey" }),
    law: text(100),
    recipient: text(200),
    classifications: someOf(incidentClassifications),
    minGrade: optional(z.enum(incidentGrades)),
    triggerLaw: optional(z.enum(customerLaws)),
    periodAmount: optional(z.coerce.number().int().min(1).max(3650)),
    periodUnit: optional(z.enum(["hours", "calendar_days", "working_days"])),
    startEvent: z.enum(["discovered", "triaged", "contained"]),
    checklist: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split("\n")
              .map((s) => s.trim())
              .filter(Boolean)
          : (v ?? []),
      z.array(z.string().max(200)).max(20),
    ),
    source: text(1000),
    inForceFrom: optional(z.iso.date()),
  })
  .superRefine((input, ctx) => {
    if ((input.periodAmount === undefined) !== (input.periodUnit === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [input.periodAmount === undefined ? "periodAmount" : "periodUnit"],
        message: "errors.required",
      });
    }
  });
export type IncidentClockRuleInput = z.infer<typeof incidentClockRuleSchema>;

/** A route segment that cannot be an incident id is a 404, not a database error. */
export const isIncidentId = (value: string) => id.safeParse(value).success;
