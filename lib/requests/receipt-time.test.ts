import { describe, expect, it } from "vitest";
import { instantOf, isTimeZone, timeOfDay } from "./receipt-time";

describe("receipt instants from a date, a time and a zone", () => {
  it.each([
    ["2026-09-30", "17:00", "UTC", "2026-09-30T17:00:00.000Z"],
    ["2026-10-01", "01:00", "Asia/Shanghai", "2026-09-30T17:00:00.000Z"],
    ["2026-09-30", "10:00", "America/Los_Angeles", "2026-09-30T17:00:00.000Z"],
    ["2026-01-15", "10:00", "America/Los_Angeles", "2026-01-15T18:00:00.000Z"],
    ["2026-09-30", "19:00", "Europe/Brussels", "2026-09-30T17:00:00.000Z"],
  ])("%s %s in %s is %s", (date, time, zone, iso) =>
    expect(instantOf(date, time, zone).toISOString()).toBe(iso),
  );
  it("puts a time the clocks skipped just after the gap (Brussels, 29 March 2026)", () => {
    expect(instantOf("2026-03-29", "02:30", "Europe/Brussels").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(timeOfDay(new Date("2026-03-29T01:30:00Z"), "Europe/Brussels")).toBe("03:30");
  });
  it("knows a zone from a typo", () => {
    expect(isTimeZone("Europe/Brussels")).toBe(true);
    expect(isTimeZone("Europe/Brussel")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
