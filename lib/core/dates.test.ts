import { describe, expect, it } from "vitest";
import { addDays, addMonths, calendarDaysBetween, todayIso } from "./dates";

describe("calendar dates", () => {
  it.each([
    ["2026-01-15", 1, "2026-02-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-03-10", 24, "2028-03-10"],
  ])("%s + %i months = %s", (date, months, expected) =>
    expect(addMonths(date, months)).toBe(expected),
  );

  it("adds days across months and years", () => {
    expect(addDays("2026-12-20", 30)).toBe("2027-01-19");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("takes today in Beijing, not UTC", () => {
    expect(todayIso(new Date("2026-05-01T16:30:00Z"))).toBe("2026-05-02");
    expect(todayIso(new Date("2026-05-01T15:59:00Z"))).toBe("2026-05-01");
  });
});

describe("days between calendar dates", () => {
  it("counts whole days either way, across months", () => {
    expect(calendarDaysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(calendarDaysBetween("2026-03-02", "2026-02-27")).toBe(-3);
  });
});
