import { describe, expect, it } from "vitest";
import prc2026 from "@/db/reference/prc-working-calendar-2026.json";
import type { CustomerLaw } from "@/db/schema/customers";
import { addDays } from "@/lib/core/dates";
import { clockRules } from "./clock-rules";
import { addPeriod, daysBetween, requestClock, type ClockInput } from "./deadline";
import { WorkingCalendar } from "./working-calendar";

// For the 344 start dates of 2026 whose due date falls in 2026: working days the provisional date
// is earlier than the published one → start dates. Most of the difference is holidays (unknown
// until published); 80 are exact and none is later.
const EARLIER = { 0: 80, 1: 26, 2: 138, 3: 54, 4: 21, 5: 10, 6: 6, 7: 9 };
const prc = new WorkingCalendar([
  { year: prc2026.year, holidays: prc2026.holidays, makeupWorkdays: prc2026.makeup_workdays },
]);
const clock = ({
  law,
  ...input
}: Partial<ClockInput> & Pick<ClockInput, "receivedOn"> & { law: CustomerLaw }) =>
  requestClock(
    {
      rule: clockRules[law],
      verifiedOn: null,
      pauses: [],
      extended: false,
      today: input.receivedOn,
      ...input,
    },
    prc,
  );

describe("the PRC working-day calendar", () => {
  it("rests on holidays and weekends and works on makeup days", () => {
    expect(prc.isWorkingDay("2026-02-16")).toBe(false); // Monday in the Spring Festival
    expect(prc.isWorkingDay("2026-02-14")).toBe(true); // Saturday, makeup workday
    expect(prc.isWorkingDay("2026-03-07")).toBe(false); // ordinary Saturday
    expect(prc.isWorkingDay("2026-10-10")).toBe(true);
    expect(prc.isWorkingDay("2026-10-05")).toBe(false);
  });
});

describe("PIPL: 15 working days after identity verification", () => {
  it("waits for verification before the clock starts", () => {
    expect(clock({ law: "PIPL", receivedOn: "2026-02-10" })).toMatchObject({
      state: "not_started",
      dueOn: null,
    });
  });
  it("spans the Spring Festival with its makeup Saturdays", () => {
    // 13 Feb, 14 Feb (makeup), [15–23 off], 24–27 Feb, 28 Feb (makeup), 2–6, 9–11 Mar.
    expect(clock({ law: "PIPL", receivedOn: "2026-02-12", verifiedOn: "2026-02-12" }).dueOn).toBe(
      "2026-03-11",
    );
  });
  it("spans Mid-Autumn and National Day", () => {
    expect(clock({ law: "PIPL", receivedOn: "2026-09-18", verifiedOn: "2026-09-18" }).dueOn).toBe(
      "2026-10-15",
    );
    expect(clock({ law: "PIPL", receivedOn: "2026-09-30", verifiedOn: "2026-09-30" }).dueOn).toBe(
      "2026-10-27",
    );
  });
  it("does not count the days the request waits for the requester", () => {
    const base = {
      law: "PIPL" as const,
      receivedOn: "2026-03-02",
      verifiedOn: "2026-03-02",
      today: "2026-03-12",
    };
    expect(clock(base).dueOn).toBe("2026-03-23");
    // Paused 5–9 March (three working days), resumed on the 10th.
    expect(clock({ ...base, pauses: [{ from: "2026-03-05", to: "2026-03-10" }] }).dueOn).toBe(
      "2026-03-26",
    );
  });
  it("keeps moving the due date while a pause is open", () => {
    const c = clock({
      law: "PIPL",
      receivedOn: "2026-03-02",
      verifiedOn: "2026-03-02",
      today: "2026-03-06",
      pauses: [{ from: "2026-03-05", to: null }],
    });
    expect(c.state).toBe("paused");
    expect(c.dueOn).toBe("2026-03-25"); // 5 and 6 March do not count so far
  });
  it("is due soon with three working days left and overdue the day after the due date", () => {
    const base = { law: "PIPL" as const, receivedOn: "2026-03-02", verifiedOn: "2026-03-02" };
    expect(clock({ ...base, today: "2026-03-17" })).toMatchObject({
      state: "on_track",
      remaining: 4,
    });
    expect(clock({ ...base, today: "2026-03-18" })).toMatchObject({
      state: "due_soon",
      remaining: 3,
    });
    expect(clock({ ...base, today: "2026-03-23" })).toMatchObject({
      state: "due_soon",
      remaining: 0,
    });
    expect(clock({ ...base, today: "2026-03-24" })).toMatchObject({
      state: "overdue",
      remaining: -1,
    });
  });
  it("says the date is provisional when the year has no published calendar", () => {
    // 6 March 2027 is a Saturday in the Spring Festival's make-up season: counted, so the 19th, not the 22nd.
    expect(
      clock({ law: "PIPL", receivedOn: "2027-03-01", verifiedOn: "2027-03-01" }),
    ).toMatchObject({ dueOn: "2027-03-19", provisional: true });
    expect(
      clock({ law: "PIPL", receivedOn: "2026-03-02", verifiedOn: "2026-03-02" }).provisional,
    ).toBe(false);
    // Outside the make-up seasons a provisional date is plain weekdays (and skips 1–3 October).
    expect(clock({ law: "PIPL", receivedOn: "2027-07-15", verifiedOn: "2027-07-15" }).dueOn).toBe(
      "2027-08-05",
    );
  });
});

describe("a year whose calendar is not published yet (the 2026 calendar hidden)", () => {
  const hidden = new WorkingCalendar();
  const fifteen = { amount: 15, unit: "working_days" as const };
  const never = () => false;
  // Every 2026 start date whose due date the 2026 calendar decides (from mid-December the window
  // reaches into 2027, which is not published: there is no true date to compare with).
  const startDates = Array.from({ length: 365 }, (_, i) => addDays("2025-12-31", i + 1)).filter(
    (start) => addPeriod(start, fifteen, prc, never).date <= "2026-12-31",
  );

  it("weekdays alone would give 22 start dates a due date later than the published calendar's", () => {
    const late = startDates.filter(
      (start) =>
        addPeriod(start, { amount: 15, unit: "business_days" }, hidden, never).date >
        addPeriod(start, fifteen, prc, never).date,
    );
    expect(late).toHaveLength(22);
  });

  it("never gives a provisional date later than the true one, and is exact or close for most start dates", () => {
    const earlier = new Map<number, number>();
    for (const start of startDates) {
      const provisional = addPeriod(start, fifteen, hidden, never);
      const truth = addPeriod(start, fifteen, prc, never);
      expect(provisional.provisional).toBe(true);
      expect(
        provisional.date <= truth.date,
        `${start}: ${provisional.date} after ${truth.date}`,
      ).toBe(true);
      const by = daysBetween(provisional.date, truth.date, "working_days", prc);
      earlier.set(by, (earlier.get(by) ?? 0) + 1);
    }
    // Working days earlier than the published calendar → how many start dates.
    expect(Object.fromEntries([...earlier].sort(([a], [b]) => a - b))).toEqual(EARLIER);
  });
});

describe("GDPR: one calendar month from receipt", () => {
  it.each([
    ["2026-01-15", "2026-02-15"],
    ["2026-01-31", "2026-02-28"],
    ["2028-01-31", "2028-02-29"],
    ["2026-12-31", "2027-01-31"],
  ])("received %s → due %s", (receivedOn, due) =>
    expect(clock({ law: "GDPR", receivedOn }).dueOn).toBe(due),
  );

  it("extends by two further months, decided within the first", () => {
    expect(clock({ law: "GDPR", receivedOn: "2026-01-31", extended: true })).toMatchObject({
      dueOn: "2026-04-30",
      extensionDecideBy: "2026-02-28",
    });
  });
  it("adds paused days", () => {
    expect(
      clock({
        law: "GDPR",
        receivedOn: "2026-03-10",
        pauses: [{ from: "2026-03-15", to: "2026-03-20" }],
      }).dueOn,
    ).toBe("2026-04-15");
  });
});

describe("CCPA: acknowledge in 10 business days, respond in 45 calendar days", () => {
  it("sets both dates and one 45-day extension", () => {
    expect(clock({ law: "CCPA", receivedOn: "2026-11-02" })).toMatchObject({
      acknowledgeBy: "2026-11-16",
      dueOn: "2026-12-17",
    });
    expect(clock({ law: "CCPA", receivedOn: "2026-11-02", extended: true }).dueOn).toBe(
      "2027-01-31",
    );
  });
});
