import { z } from "zod";
import { identityMethods, requestTypes } from "@/db/schema/requests";
import { ORG_TIME_ZONE, todayIso } from "@/lib/core/dates";
import { gdprTimeZones, piplPeriodLimits, piplPeriodMax } from "./clock-rules";
import { acknowledgementChannels, staffChannels } from "./options";
import { instantOf, isTimeZone } from "./receipt-time";
import { blank } from "@/lib/core/validation/form-fields";

const isoDate = z.iso.date();
const id = z.uuid();

/**
 * The staff intake form. The request was received on a date at a time in a zone (the time and
 * zone default to now in the organisation's zone); neither it nor the verification lies in the future.
 */
export const intakeSchema = z
  .object({
    customerId: id,
    type: z.enum(requestTypes),
    channel: z.enum(staffChannels),
    receivedOn: isoDate,
    receivedTime: z.preprocess(
      (v) => blank(v) ?? "00:00",
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "errors.invalid" }),
    ),
    receivedZone: z.preprocess(
      (v) => blank(v) ?? ORG_TIME_ZONE,
      z.string().refine(isTimeZone, { error: "errors.invalid" }),
    ),
    identityMethod: z.preprocess(
      (v) => (v === "none" ? undefined : blank(v)),
      z.enum(identityMethods).optional(),
    ),
    verifiedOn: z.preprocess(blank, isoDate.optional()),
    locale: z.enum(["zh-CN", "en"]).catch("zh-CN"),
  })
  .transform((input) => ({
    ...input,
    receivedAt: instantOf(input.receivedOn, input.receivedTime, input.receivedZone),
  }))
  .superRefine((input, ctx) => {
    // Verification dates are the organisation's (Beijing) dates, the ones the PIPL clock counts in.
    const latest = todayIso();
    if (input.receivedAt.getTime() > Date.now())
      ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "errors.receivedInFuture" });
    if (input.identityMethod && !input.verifiedOn)
      ctx.addIssue({ code: "custom", path: ["verifiedOn"], message: "errors.required" });
    if (input.verifiedOn && !input.identityMethod)
      ctx.addIssue({ code: "custom", path: ["identityMethod"], message: "errors.required" });
    if (
      input.verifiedOn &&
      (input.verifiedOn < todayIso(input.receivedAt) || input.verifiedOn > latest)
    ) {
      ctx.addIssue({ code: "custom", path: ["verifiedOn"], message: "errors.invalid" });
    }
  });

export const verifySchema = z
  .object({
    id,
    method: z.enum(identityMethods),
    verifiedOn: z.preprocess(blank, isoDate.optional()),
  })
  .refine((input) => !input.verifiedOn || input.verifiedOn <= todayIso(), {
    path: ["verifiedOn"],
    message: "errors.invalid",
  });

/** The plain workflow steps (verification, rejection and pauses with a message have their own forms). */
export const moveSchema = z.object({ id, to: z.enum(["in_progress", "completed"]) });

export const askSchema = z.object({ id, message: z.string().trim().min(1).max(4000) });

export const assignSchema = z.object({
  id,
  assigneeId: z.preprocess((v) => (v === "" ? "none" : v), z.union([z.literal("none"), id])),
});

export const textSchema = z.object({ id, text: z.string().trim().min(1).max(4000) });

export const acknowledgeSchema = z.object({ id, channel: z.enum(acknowledgementChannels) });

export const reasonSchema = z.object({ id, reason: z.string().trim().min(1).max(2000) });

const piplTypes = Object.keys(piplPeriodLimits) as Array<keyof typeof piplPeriodLimits>;

/**
 * The request clock settings form: the GDPR zone (an EU/EEA establishment's) and, per type PIPL
 * offers, the period as `piplAmount_<type>` and `piplUnit_<type>`, within the type's limit.
 */
export const clockSettingsSchema = z
  .object({
    gdprTimeZone: z.enum(gdprTimeZones),
    ...(Object.fromEntries(
      piplTypes.flatMap((type) => [
        [`piplAmount_${type}`, z.coerce.number().int().min(1)],
        [`piplUnit_${type}`, z.enum(["working_days", "calendar_days"])],
      ]),
    ) as Record<string, z.ZodType<number | "working_days" | "calendar_days">>),
  })
  .superRefine((parsed, ctx) => {
    const input = parsed as Record<string, unknown>;
    for (const type of piplTypes) {
      const amount = input[`piplAmount_${type}`] as number;
      const max = piplPeriodMax(
        type,
        input[`piplUnit_${type}`] as "working_days" | "calendar_days",
      );
      if (amount > max)
        ctx.addIssue({
          code: "too_big",
          origin: "number",
          maximum: max,
          inclusive: true,
          input: amount,
          path: [`piplAmount_${type}`],
        });
    }
  })
  .transform((parsed) => {
    const input = parsed as Record<string, unknown>;
    return {
      gdprTimeZone: parsed.gdprTimeZone,
      piplPeriods: Object.fromEntries(
        piplTypes.map((type) => [
          type,
          {
            amount: input[`piplAmount_${type}`] as number,
            unit: input[`piplUnit_${type}`] as "working_days" | "calendar_days",
          },
        ]),
      ),
    };
  });
export type ClockSettingsInput = z.output<typeof clockSettingsSchema>;

const holiday = z.object({ name: z.string().trim().min(1).max(100), from: isoDate, to: isoDate });

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * One year of the working calendar as the settings form sends it: holiday rows and makeup
 * workdays as JSON. Dates must fall inside the year, holidays run forward and do not overlap,
 * makeup workdays are weekend days.
 */
export const calendarYearSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    holidays: z.preprocess(
      (v) => (typeof v === "string" ? safeJson(v) : v),
      z.array(holiday).max(40),
    ),
    makeupWorkdays: z.preprocess(
      (v) => (typeof v === "string" ? safeJson(v) : v),
      z.array(isoDate).max(40),
    ),
    source: z.preprocess(blank, z.string().trim().max(300).optional()),
  })
  .superRefine((input, ctx) => {
    const inYear = (date: string) => date.startsWith(`${input.year}-`);
    input.holidays.forEach((h, i) => {
      if (!inYear(h.from))
        ctx.addIssue({ code: "custom", path: ["holidays", i, "from"], message: "errors.invalid" });
      if (!inYear(h.to))
        ctx.addIssue({ code: "custom", path: ["holidays", i, "to"], message: "errors.invalid" });
      if (h.from > h.to)
        ctx.addIssue({ code: "custom", path: ["holidays", i, "to"], message: "errors.invalid" });
    });
    const sorted = input.holidays
      .map((h, i) => ({ ...h, i }))
      .sort((a, b) => a.from.localeCompare(b.from));
    for (let k = 1; k < sorted.length; k += 1) {
      if (sorted[k].from <= sorted[k - 1].to)
        ctx.addIssue({
          code: "custom",
          path: ["holidays", sorted[k].i, "from"],
          message: "errors.invalid",
        });
    }
    input.makeupWorkdays.forEach((day, i) => {
      if (!inYear(day) || !weekend(day))
        ctx.addIssue({ code: "custom", path: ["makeupWorkdays", i], message: "errors.invalid" });
    });
    if (new Set(input.makeupWorkdays).size !== input.makeupWorkdays.length)
      ctx.addIssue({ code: "custom", path: ["makeupWorkdays"], message: "errors.invalid" });
  });
export type CalendarYearInput = z.infer<typeof calendarYearSchema>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
