import { describe, expect, it } from "vitest";
import prc2026 from "@/db/reference/prc-working-calendar-2026.json";
import type { ClockTerms } from "@/db/schema/requests";
import { acknowledgeByOf, requestClocks, type ClocksInput } from "./clocks";
import { WorkingCalendar } from "./working-calendar";

const prc = new WorkingCalendar([
  { year: prc2026.year, holidays: prc2026.holidays, makeupWorkdays: prc2026.makeup_workdays },
]);
const terms: ClockTerms = {
  gdprTimeZone: "Europe/Brussels",
  piplPeriod: { amount: 15, unit: "working_days" },
};
const clocks = (input: Partial<ClocksInput> & Pick<ClocksInput, "laws" | "receivedAt">) =>
  requestClocks(
    {
      type: "access",
      terms,
      verifiedOn: null,
      pauses: [],
      extended: false,
      today: "2026-10-01",
      ...input,
    },
    prc,
  );
const byLaw = (result: ReturnType<typeof clocks>) =>
  Object.fromEntries(result.clocks.map((c) => [c.law, c]));

describe("each law dates receipt in its own zone", () => {
  // 17:00 UTC on 30 Sep 2026 is 01:00 on 1 Oct in Beijing, 19:00 on 30 Sep in Brussels, 10:00 on 30 Sep in Los Angeles.
  const receivedAt = new Date("2026-09-30T17:00:00Z");
  const result = clocks({ laws: ["PIPL", "GDPR", "CCPA"], receivedAt, verifiedOn: "2026-10-01" });
  const { PIPL, GDPR, CCPA } = byLaw(result);

  it("PIPL from 1 October (Beijing), inside the National Day holiday", () => {
    expect(PIPL).toMatchObject({
      timeZone: "Asia/Shanghai",
      receivedOn: "2026-10-01",
      startsOn: "2026-10-01",
    });
    expect(prc.isWorkingDay("2026-10-01")).toBe(false);
    // The holiday is not counted (the count begins on the first working day after it); 15 working days end on 27 Oct.
    expect(PIPL.dueOn).toBe("2026-10-27");
  });
  it("GDPR from 30 September (Brussels): due 30 October", () => {
    expect(GDPR).toMatchObject({
      timeZone: "Europe/Brussels",
      receivedOn: "2026-09-30",
      dueOn: "2026-10-30",
    });
  });
  it("CCPA from 30 September (Los Angeles): due 14 November, acknowledged within 10 business days", () => {
    expect(CCPA).toMatchObject({
      timeZone: "America/Los_Angeles",
      receivedOn: "2026-09-30",
      dueOn: "2026-11-14",
      acknowledgeBy: "2026-10-14",
    });
  });
  it("the earliest due date governs", () => {
    expect(result.governing.law).toBe("PIPL");
    expect(result.clocks.filter((c) => c.governing).map((c) => c.law)).toEqual(["PIPL"]);
    expect(acknowledgeByOf(result.clocks)).toBe("2026-10-14");
  });
  it("GDPR follows the organisation's EU establishment", () => {
    const late = new Date("2026-09-30T22:30:00Z"); // 00:30 on 1 Oct in Helsinki, 23:30 on 30 Sep in Dublin
    expect(
      byLaw(
        clocks({
          laws: ["GDPR"],
          receivedAt: late,
          terms: { ...terms, gdprTimeZone: "Europe/Helsinki" },
        }),
      ).GDPR.dueOn,
    ).toBe("2026-11-01");
    expect(
      byLaw(
        clocks({
          laws: ["GDPR"],
          receivedAt: late,
          terms: { ...terms, gdprTimeZone: "Europe/Dublin" },
        }),
      ).GDPR.dueOn,
    ).toBe("2026-10-30");
  });
});

describe("several laws on one request", () => {
  const receivedAt = new Date("2026-03-02T04:00:00Z");
  it("an unverified PIPL clock has not started, so the running CCPA clock governs until verification", () => {
    const before = clocks({ laws: ["PIPL", "CCPA"], receivedAt, today: "2026-03-02" });
    expect(byLaw(before).PIPL.state).toBe("not_started");
    expect(before.governing).toMatchObject({ law: "CCPA", dueOn: "2026-04-15" });
    const after = clocks({
      laws: ["PIPL", "CCPA"],
      receivedAt,
      verifiedOn: "2026-03-03",
      today: "2026-03-03",
    });
    expect(after.governing).toMatchObject({ law: "PIPL", dueOn: "2026-03-24" });
  });
  it("on a tie, the first listed law governs; with one law, it governs", () => {
    // 1 Apr + one month (GDPR) and 1 Apr + 30 calendar days (a PIPL period set so) both end on 1 May.
    const tieTerms: ClockTerms = { ...terms, piplPeriod: { amount: 30, unit: "calendar_days" } };
    const tie = (laws: ClocksInput["laws"]) =>
      clocks({
        laws,
        receivedAt: new Date("2026-04-01T04:00:00Z"),
        verifiedOn: "2026-04-01",
        terms: tieTerms,
        today: "2026-04-01",
      });
    expect(tie(["GDPR", "PIPL"]).clocks.map((c) => c.dueOn)).toEqual(["2026-05-01", "2026-05-01"]);
    expect(tie(["GDPR", "PIPL"]).governing.law).toBe("GDPR");
    expect(tie(["PIPL", "GDPR"]).governing.law).toBe("PIPL");
    expect(clocks({ laws: ["GDPR"], receivedAt }).governing.law).toBe("GDPR");
  });
  it("an extension moves only the clocks whose law allows one", () => {
    const extended = clocks({
      laws: ["PIPL", "GDPR"],
      receivedAt,
      verifiedOn: "2026-03-02",
      extended: true,
      today: "2026-03-02",
    });
    expect(byLaw(extended).GDPR.dueOn).toBe("2026-06-02");
    expect(byLaw(extended).PIPL.dueOn).toBe("2026-03-23");
    expect(extended.governing.law).toBe("PIPL");
  });
});

describe("CCPA's own clocks", () => {
  const receivedAt = new Date("2026-11-02T18:00:00Z"); // Monday 2 Nov, 10:00 in Los Angeles
  it("opting out of sale or sharing: 15 business days, no acknowledgement, no extension", () => {
    const { governing } = clocks({
      laws: ["CCPA"],
      receivedAt,
      type: "opt_out_sale_sharing",
      extended: true,
      today: "2026-11-02",
    });
    expect(governing).toMatchObject({
      dueOn: "2026-11-23",
      acknowledgeBy: null,
      extensionDecideBy: null,
      remaining: 15,
    });
    expect(governing.rule).toMatchObject({ key: "CCPA_opt_out", dueSoonUnit: "business_days" });
  });
  it("limiting the use of sensitive personal information: 15 business days", () => {
    const { governing } = clocks({
      laws: ["CCPA"],
      receivedAt,
      type: "limit_sensitive",
      today: "2026-11-02",
    });
    expect(governing).toMatchObject({ dueOn: "2026-11-23", acknowledgeBy: null });
    expect(governing.rule.source).toContain("§7027");
  });
  it("the 45 days are counted down in calendar days, the acknowledgement in business days", () => {
    const { governing } = clocks({
      laws: ["CCPA"],
      receivedAt,
      type: "access",
      today: "2026-11-05",
    });
    expect(governing).toMatchObject({
      dueOn: "2026-12-17",
      acknowledgeBy: "2026-11-16",
      remaining: 42,
    });
    expect(governing.rule.dueSoonUnit).toBe("calendar_days");
  });
});

describe("the organisation's PIPL period", () => {
  const receivedAt = new Date("2026-03-02T04:00:00Z");
  it("runs in calendar days when set so, and says so in its basis", () => {
    const { governing } = clocks({
      laws: ["PIPL"],
      receivedAt,
      verifiedOn: "2026-03-02",
      terms: { ...terms, piplPeriod: { amount: 30, unit: "calendar_days" } },
    });
    expect(governing).toMatchObject({ dueOn: "2026-04-01" });
    expect(governing.rule).toMatchObject({ key: "PIPL_custom", dueSoonUnit: "calendar_days" });
    expect(governing.rule.source).toContain("§8.7");
  });
});
