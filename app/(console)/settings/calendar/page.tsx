import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listCalendarYears } from "@/lib/requests/calendar-admin";
import { todayIso } from "@/lib/core/dates";
import { addCalendarYearAction, updateCalendarYearAction } from "./actions";
import { CalendarEditor } from "./_components/calendar-editor";
import { CalendarYearView } from "./_components/calendar-year-view";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("calendar.title") };
}

/** The PRC working-day calendar the PIPL clock counts on: one row per year, editable by calendar.manage. */
export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; add?: string }>;
}) {
  const actor = await requirePage("requests.read");
  const manage = can(actor.role, "calendar.manage");
  const [t, years, query] = await Promise.all([
    getTranslations("requests"),
    withTenant(actor.orgId, (tx) => listCalendarYears(tx, actor.orgId), actor.userId),
    searchParams,
  ]);
  const currentYear = Number(todayIso().slice(0, 4));
  const nextYear = years.length ? Math.max(...years.map((y) => y.year)) + 1 : currentYear;
  const selected =
    years.find((y) => String(y.year) === query.year) ??
    years.find((y) => y.year === currentYear) ??
    years[years.length - 1];
  const adding = manage && query.add === "1";
  const missingNext = !years.some((y) => y.year === currentYear + 1);

  return (
    <>
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.description")}
        actions={
          manage &&
          !adding && (
            <Link href="/settings/calendar?add=1" className={buttonClass()}>
              {t("calendar.add", { year: nextYear })}
            </Link>
          )
        }
      />
      {missingNext && (
        <p
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200"
          role="status"
        >
          {t("calendar.missingNext", { year: currentYear + 1 })}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr]">
        <Card title={t("calendar.years")}>
          <ul className="space-y-1 text-sm">
            {years.map((y) => (
              <li key={y.year}>
                <Link
                  href={`/settings/calendar?year=${y.year}`}
                  aria-current={!adding && selected?.year === y.year ? "page" : undefined}
                  className="block rounded px-2 py-1 hover:bg-slate-50 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {y.year}
                </Link>
              </li>
            ))}
            {years.length === 0 && <li className="text-slate-500">{t("calendar.none")}</li>}
          </ul>
        </Card>
        {adding ? (
          <CalendarEditor
            key={`add-${nextYear}`}
            action={addCalendarYearAction}
            year={nextYear}
            initial={{ holidays: [], makeupWorkdays: [], source: "" }}
            adding
          />
        ) : selected ? (
          manage ? (
            <CalendarEditor
              key={selected.year}
              action={updateCalendarYearAction}
              year={selected.year}
              initial={{
                holidays: selected.holidays,
                makeupWorkdays: selected.makeupWorkdays,
                source: selected.source ?? "",
              }}
            />
          ) : (
            <CalendarYearView year={selected} />
          )
        ) : null}
      </div>
    </>
  );
}
