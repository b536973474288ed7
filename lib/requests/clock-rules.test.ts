import { describe, expect, it } from "vitest";
import prc2026 from "@/db/reference/prc-working-calendar-2026.json";
import { requestTypes } from "@/db/schema/requests";
import { addDays, calendarDaysBetween } from "@/lib/core/dates";
import {
  clockRuleFor,
  clockRules,
  DEFAULT_PIPL_PERIOD,
  piplPeriodLimits,
  piplPeriodMax,
} from "./clock-rules";
import { piplPeriodFor } from "./clock-settings";
import { addPeriod } from "./deadline";
import { lawsOffering, requestTypeLaws } from "./request-types";
import { WorkingCalendar } from "./working-calendar";

const prc = new WorkingCalendar([
  { year: prc2026.year, holidays: prc2026.holidays, makeupWorkdays: prc2026.makeup_workdays },
]);

describe("the PIPL period", () => {
  it("cites PIPL Art. 50 for handling requests and GB/T 35273-2020 §8.7 for its 30 days, not for 15 working days", () => {
    expect(clockRules.PIPL.source).toContain("Art. 50");
    expect(clockRules.PIPL.source).toMatch(/§8\.7 allows up to 30 days/);
    expect(clockRules.PIPL.respond).toEqual(DEFAULT_PIPL_PERIOD);
  });
  it("is offered for every type PIPL offers, and erasure and account cancellation are capped at 15", () => {
    expect(Object.keys(piplPeriodLimits).sort()).toEqual(
      requestTypes.filter((t) => requestTypeLaws[t].includes("PIPL")).sort(),
    );
    expect(piplPeriodMax("erasure", "calendar_days")).toBe(15);
    expect(piplPeriodMax("account_cancellation", "working_days")).toBe(15);
    expect(piplPeriodMax("access", "calendar_days")).toBe(30);
    expect(piplPeriodMax("opt_out_sale_sharing", "working_days")).toBe(0);
  });
  it("keeps within 30 calendar days at 15 PRC working days from every start date of 2026", () => {
    for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
      const end = addPeriod(
        day,
        { amount: piplPeriodMax("access", "working_days"), unit: "working_days" },
        prc,
        () => false,
      ).date;
      expect(calendarDaysBetween(day, end), day).toBeLessThanOrEqual(30);
    }
  });
  it("falls back to 15 working days when a stored setting is out of its limit", () => {
    expect(piplPeriodFor({ access: { amount: 20, unit: "calendar_days" } }, "access")).toEqual({
      amount: 20,
      unit: "calendar_days",
    });
    expect(piplPeriodFor({ erasure: { amount: 20, unit: "calendar_days" } }, "erasure")).toEqual(
      DEFAULT_PIPL_PERIOD,
    );
    expect(piplPeriodFor({}, "question")).toEqual(DEFAULT_PIPL_PERIOD);
  });
  it("keeps the default rule (and its key) at the default period", () => {
    expect(clockRuleFor("PIPL", "access", { piplPeriod: DEFAULT_PIPL_PERIOD })).toBe(
      clockRules.PIPL,
    );
    expect(
      clockRuleFor("PIPL", "access", { piplPeriod: { amount: 10, unit: "working_days" } }),
    ).toMatchObject({ key: "PIPL_custom", respond: { amount: 10, unit: "working_days" } });
  });
});

describe("request types belong to laws", () => {
  it("offers opting out of sale/sharing and limiting sensitive information under CCPA only", () => {
    expect(lawsOffering("opt_out_sale_sharing", ["PIPL", "GDPR"])).toEqual([]);
    expect(lawsOffering("limit_sensitive", ["PIPL", "CCPA"])).toEqual(["CCPA"]);
    expect(lawsOffering("access", ["PIPL", "CCPA"])).toEqual(["PIPL", "CCPA"]);
    expect(lawsOffering("objection", ["CCPA"])).toEqual([]);
  });
  it("gives the CCPA types their own 15-business-day clock and the others CCPA's 45 calendar days", () => {
    const terms = { piplPeriod: DEFAULT_PIPL_PERIOD };
    expect(clockRuleFor("CCPA", "opt_out_sale_sharing", terms).respond).toEqual({
      amount: 15,
      unit: "business_days",
    });
    expect(clockRuleFor("CCPA", "limit_sensitive", terms).respond).toEqual({
      amount: 15,
      unit: "business_days",
    });
    expect(clockRuleFor("CCPA", "erasure", terms)).toMatchObject({
      respond: { amount: 45, unit: "calendar_days" },
      dueSoonUnit: "calendar_days",
    });
  });
});
