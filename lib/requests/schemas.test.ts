import { describe, expect, it } from "vitest";
import { addDays, todayIso } from "@/lib/core/dates";
import { piplPeriodLimits } from "./clock-rules";
import { clockSettingsSchema, intakeSchema, verifySchema } from "./schemas";

const customerId = "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b";
const base = {
  customerId,
  type: "access",
  channel: "phone",
  receivedOn: "2026-02-12",
  identityMethod: "none",
  locale: "zh-CN",
};
const paths = (input: unknown) => {
  const result = intakeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("staff intake", () => {
  it("accepts a request not yet verified, and one verified with its method and day", () => {
    const unverified = intakeSchema.parse(base);
    expect(unverified.identityMethod).toBeUndefined();
    expect(unverified.verifiedOn).toBeUndefined();
    expect(
      intakeSchema.parse({ ...base, identityMethod: "phone_callback", verifiedOn: "2026-02-12" }),
    ).toMatchObject({ identityMethod: "phone_callback", verifiedOn: "2026-02-12" });
  });

  it("refuses a received date in the future, a verification without its day or method, or before receipt", () => {
    expect(paths({ ...base, receivedOn: addDays(todayIso(), 1) })).toEqual(["receivedOn"]);
    expect(paths({ ...base, identityMethod: "phone_callback" })).toEqual(["verifiedOn"]);
    expect(paths({ ...base, verifiedOn: "2026-02-12" })).toEqual(["identityMethod"]);
    expect(paths({ ...base, identityMethod: "id_document", verifiedOn: "2026-02-11" })).toEqual([
      "verifiedOn",
    ]);
    expect(paths({ ...base, channel: "portal" })).toEqual(["channel"]);
    expect(paths({ ...base, customerId: "" })).toEqual(["customerId"]);
  });

  it("takes the receipt as a date and time in a zone, by default midnight in the organisation's zone", () => {
    expect(
      intakeSchema
        .parse({ ...base, receivedOn: "2026-09-30", receivedTime: "17:00", receivedZone: "UTC" })
        .receivedAt.toISOString(),
    ).toBe("2026-09-30T17:00:00.000Z");
    expect(
      intakeSchema
        .parse({
          ...base,
          receivedOn: "2026-09-30",
          receivedTime: "10:00",
          receivedZone: "America/Los_Angeles",
        })
        .receivedAt.toISOString(),
    ).toBe("2026-09-30T17:00:00.000Z");
    expect(intakeSchema.parse(base).receivedAt.toISOString()).toBe("2026-02-11T16:00:00.000Z");
    expect(paths({ ...base, receivedTime: "24:00" })).toEqual(["receivedTime"]);
    expect(paths({ ...base, receivedZone: "Mars/Olympus" })).toEqual(["receivedZone"]);
    // Later today in Los Angeles is still in the future, whatever the date says.
    expect(
      paths({
        ...base,
        receivedOn: todayIso(new Date(), "Pacific/Kiritimati"),
        receivedTime: "23:59",
        receivedZone: "Pacific/Kiritimati",
      }),
    ).toEqual(["receivedOn"]);
  });

  it("refuses a verification dated in the future", () => {
    expect(
      verifySchema.safeParse({
        id: customerId,
        method: "email_reply",
        verifiedOn: addDays(todayIso(), 1),
      }).success,
    ).toBe(false);
    expect(
      verifySchema.safeParse({ id: customerId, method: "email_reply", verifiedOn: "" }).success,
    ).toBe(true);
  });
});

describe("request clock settings", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    gdprTimeZone: "Europe/Brussels",
    ...Object.fromEntries(
      Object.keys(piplPeriodLimits).flatMap((type) => [
        [`piplAmount_${type}`, "15"],
        [`piplUnit_${type}`, "working_days"],
      ]),
    ),
    ...overrides,
  });
  const issues = (input: unknown) => {
    const result = clockSettingsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.code}`);
  };

  it("accepts the defaults and up to 30 calendar days for an access request (GB/T 35273-2020 §8.7)", () => {
    expect(
      clockSettingsSchema.parse(form({ piplAmount_access: "30", piplUnit_access: "calendar_days" }))
        .piplPeriods.access,
    ).toEqual({ amount: 30, unit: "calendar_days" });
    expect(issues(form({ piplAmount_question: "10" }))).toEqual([]);
  });
  it("refuses more than 30 days, more than 15 working days, and more than 15 days for erasure or account cancellation", () => {
    expect(issues(form({ piplAmount_access: "31", piplUnit_access: "calendar_days" }))).toEqual([
      "piplAmount_access:too_big",
    ]);
    expect(issues(form({ piplAmount_access: "16" }))).toEqual(["piplAmount_access:too_big"]);
    expect(issues(form({ piplAmount_erasure: "20", piplUnit_erasure: "calendar_days" }))).toEqual([
      "piplAmount_erasure:too_big",
    ]);
    expect(issues(form({ piplAmount_account_cancellation: "16" }))).toEqual([
      "piplAmount_account_cancellation:too_big",
    ]);
  });
  it("refuses a period of zero days, a unit it does not know, and a GDPR zone outside the EEA", () => {
    expect(issues(form({ piplAmount_access: "0" }))).toEqual(["piplAmount_access:too_small"]);
    expect(issues(form({ piplUnit_access: "months" }))).toEqual(["piplUnit_access:invalid_value"]);
    expect(issues(form({ gdprTimeZone: "Europe/London" }))).toEqual(["gdprTimeZone:invalid_value"]);
  });
});
