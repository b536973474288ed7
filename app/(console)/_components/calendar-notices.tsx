import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/**
 * The working calendar on the overview: open requests whose due date is provisional (a year it
 * reaches is not entered), and, from 1 November, next year's calendar still to enter.
 */
export async function CalendarNotices({
  provisional,
  missingYear,
  canManage,
}: {
  provisional: { count: number; years: number[] };
  missingYear: number | null;
  canManage: boolean;
}) {
  const t = await getTranslations("overview");
  const link = canManage && (
    <Link href="/settings/calendar" className="font-medium underline">
      {t("enterCalendar")}
    </Link>
  );
  return (
    <>
      {provisional.count > 0 && (
        <Notice tone="warning">
          <span data-testid="overview-provisional">
            {t("provisionalDue", { count: provisional.count, years: provisional.years.join(", ") })}
          </span>{" "}
          {link}
        </Notice>
      )}
      {missingYear !== null && provisional.count === 0 && (
        <Notice tone="warning">
          <span data-testid="overview-calendar-missing">
            {t("calendarMissing", { year: missingYear })}
          </span>{" "}
          {link}
        </Notice>
      )}
    </>
  );
}
