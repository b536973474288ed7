import type { DueUnit } from "@/db/schema/requests";
import type { WorkingCalendar } from "./working-calendar";

/**
 * How PRC working days are counted in a year whose calendar the State Council has not published
 * yet (it announces next year's each November). Such a date is "provisional" and must never be
 * LATER than the date the published calendar will give: a requester told a later date is answered
 * late. Counting weekdays alone is wrong both ways: public holidays on weekdays make the true date
 * later (harmless here), but make-up working weekends (调休上班) make it earlier. For the 2026
 * calendar weekdays alone gives 22 start dates a due date that is too late.
 *
 * The provisional count therefore:
 * 1. skips the fixed-date statutory holidays (1 Jan, 1–2 May, 1–3 Oct), which are days off every
 *    year (《全国年节及纪念日放假办法》 Art. 2, as revised in force 2025-01-01; a make-up day is
 *    never a statutory holiday);
 * 2. counts Monday to Friday as working days (other holidays can only make the true date later);
 * 3. counts up to `MAX_MAKEUP_CREDIT` weekend days as working days when they fall in a make-up
 *    season: a window can only gain working days from make-up days whose holiday lies outside it
 *    (a holiday block inside the window gives back at least the days its make-ups take), so the
 *    gain is bounded by the make-up days on ONE side of a holiday, which published calendars
 *    (2017–2026) put at most two of, a whole weekend (2018-09-29/30, 2019-02-02/03,
 *    2022-01-29/30, 2022-10-08/09, 2023-01-28/29, 2023-10-07/08).
 *
 * Make-up days sit next to the holidays they pay for: New Year and the Spring Festival (lunar
 * new year, 21 Jan – 20 Feb, with its nine-day block), Qingming (4–6 Apr) and Labour Day,
 * the Dragon Boat festival (lunar 5/5, 28 May – 25 Jun), Mid-Autumn (lunar 8/15, 7 Sep – 8 Oct)
 * and National Day. No published calendar put one more than 11 days from its festival (2026-02-28,
 * 2024-10-12): the seasons below are those festivals' possible dates with two weeks either side.
 * Outside them a provisional date is exact unless a holiday falls in the window. Measured on the
 * published calendars (rules 2–3 on 2017–2026, all three on 2025–2026, since the revision made
 * 2 May statutory): no start date gets a date later than the true one; deadline.test.ts holds 2026.
 */
export const MAX_MAKEUP_CREDIT = 2;

/**
 * Whether a stored due date was counted provisionally: the governing clock counts PRC working
 * days and the window from the clock's start to the due date reaches a year that is not published.
 */
export function storedDueIsProvisional(
  row: {
    dueUnit: DueUnit | null;
    receivedOn: string;
    verifiedOn: string | null;
    dueOn: string | null;
  },
  calendar: WorkingCalendar,
): boolean {
  if (!row.dueOn || row.dueUnit !== "working_days") return false;
  return !calendar.coversRange(row.verifiedOn ?? row.receivedOn, row.dueOn);
}

/** Month-day ranges (MMDD, inclusive) in which a weekend day may be a make-up working day. */
export const makeupSeasons: ReadonlyArray<readonly [number, number]> = [
  [1218, 1231],
  [101, 306], // New Year, Spring Festival
  [321, 709], // Qingming, Labour Day, Dragon Boat
  [824, 1022], // Mid-Autumn, National Day
];

/** Fixed-date statutory holidays (MMDD): off in every year's calendar. */
export const statutoryDaysOff: ReadonlySet<number> = new Set([101, 501, 502, 1001, 1002, 1003]);

const monthDay = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/**
 * A counter for one window: `counts(day)` says whether a day of an unpublished year counts as a
 * working day, spending the window's make-up credit as it goes. Days must be given in order.
 */
export function provisionalCounter(): { counts: (day: string) => boolean } {
  let credit = MAX_MAKEUP_CREDIT;
  return {
    counts(day) {
      const md = monthDay(day);
      if (statutoryDaysOff.has(md)) return false;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) return true;
      if (credit > 0 && makeupSeasons.some(([from, to]) => md >= from && md <= to)) {
        credit -= 1;
        return true;
      }
      return false;
    },
  };
}
