import { addDays } from "@/lib/core/dates";

/** One year of a national working-day calendar, as published (see the seeded PRC 2026 file). */
export interface CalendarYear {
  year: number;
  holidays: Array<{ name: string; from: string; to: string }>;
  /** Weekend days that are working days (调休上班). */
  makeupWorkdays: string[];
}

/**
 * Working days: Monday to Friday, minus public holidays, plus makeup workdays. A day in a year
 * that has no published calendar is not covered: deadlines count it provisionally
 * (provisional-calendar.ts), and the console asks an administrator to add that year.
 */
export class WorkingCalendar {
  private readonly off = new Set<string>();
  private readonly on = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: CalendarYear[] = []) {
    for (const year of years) {
      this.years.add(year.year);
      for (const holiday of year.holidays) {
        for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) this.off.add(day);
      }
      for (const day of year.makeupWorkdays) this.on.add(day);
    }
  }

  /** Weekdays only: the calendar for laws counted in plain business days. */
  static weekdays(): WorkingCalendar {
    return new WorkingCalendar();
  }

  covers(date: string): boolean {
    return this.years.has(Number(date.slice(0, 4)));
  }

  /** Every year from `from` to `to` (inclusive) is published. */
  coversRange(from: string, to: string): boolean {
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
      if (!this.years.has(year)) return false;
    return true;
  }

  /** The published years, ascending. */
  publishedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    if (this.on.has(date)) return true;
    if (this.off.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}
