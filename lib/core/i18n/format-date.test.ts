import { describe, expect, it } from "vitest";
import { datesFor, formatDay, formatInstant } from "./format-date";

// 2026-03-31 09:05:07 UTC: the evening of the 31st in Shanghai, the early morning in Los Angeles.
const instant = new Date("2026-03-31T09:05:07Z");

describe("formatInstant", () => {
  it("writes one format per language on Shanghai's clock", () => {
    expect(formatInstant(instant, "zh-CN", "Asia/Shanghai")).toBe("2026-03-31 17:05");
    expect(formatInstant(instant, "en", "Asia/Shanghai")).toBe("31 Mar 2026, 17:05");
  });

  it("moves the wall clock, and the day, with the organisation's zone", () => {
    expect(formatInstant(instant, "zh-CN", "America/Los_Angeles")).toBe("2026-03-31 02:05");
    expect(formatInstant(instant, "en", "America/Los_Angeles")).toBe("31 Mar 2026, 02:05");
    const lateUtc = new Date("2026-12-31T20:30:00Z");
    expect(formatInstant(lateUtc, "zh-CN", "Asia/Shanghai")).toBe("2027-01-01 04:30");
    expect(formatInstant(lateUtc, "en", "America/Los_Angeles")).toBe("31 Dec 2026, 12:30");
  });

  it("offers the date, the time and the time with seconds, from a Date or an ISO string", () => {
    const iso = instant.toISOString();
    expect(formatInstant(iso, "zh-CN", "Asia/Shanghai", "date")).toBe("2026-03-31");
    expect(formatInstant(iso, "en", "America/Los_Angeles", "date")).toBe("31 Mar 2026");
    expect(formatInstant(iso, "en", "Asia/Shanghai", "time")).toBe("17:05");
    expect(formatInstant(iso, "zh-CN", "America/Los_Angeles", "seconds")).toBe(
      "2026-03-31 02:05:07",
    );
  });

  it("uses a 24-hour clock at midnight and follows daylight saving time", () => {
    expect(formatInstant(new Date("2026-06-30T16:00:00Z"), "en", "Asia/Shanghai")).toBe(
      "1 Jul 2026, 00:00",
    );
    // Los Angeles is UTC-8 in January and UTC-7 in July.
    expect(formatInstant(new Date("2026-01-15T20:00:00Z"), "zh-CN", "America/Los_Angeles")).toBe(
      "2026-01-15 12:00",
    );
    expect(formatInstant(new Date("2026-07-15T20:00:00Z"), "zh-CN", "America/Los_Angeles")).toBe(
      "2026-07-15 13:00",
    );
  });

  it("writes nothing for an invalid instant", () => {
    expect(formatInstant("not a date", "en", "Asia/Shanghai")).toBe("");
  });
});

describe("formatDay", () => {
  it("writes a calendar day in each language without moving it by any zone", () => {
    expect(formatDay("2026-03-01", "zh-CN")).toBe("2026-03-01");
    expect(formatDay("2026-03-01", "en")).toBe("1 Mar 2026");
    expect(datesFor("en", "America/Los_Angeles").day("2026-12-31")).toBe("31 Dec 2026");
  });

  it("leaves what is not a calendar day as it is", () => {
    expect(formatDay("2026-W13", "en")).toBe("2026-W13");
  });
});
