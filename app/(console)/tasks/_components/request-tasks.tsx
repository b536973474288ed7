import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { AcknowledgementTask } from "@/lib/requests/tasks";

/** Request work on My tasks: a year's working calendar to enter, requests to acknowledge by other means. */
export async function RequestTasks({
  calendarYears,
  acknowledgements,
}: {
  calendarYears: number[];
  acknowledgements: AcknowledgementTask[];
}) {
  if (calendarYears.length === 0 && acknowledgements.length === 0) return null;
  const t = await getTranslations("tasks");
  const item = (key: string, title: string, body: string, href: string, action: string) => (
    <li key={key} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{title}</p>
        <p className="text-sm text-slate-600">{body}</p>
      </div>
      <Link href={href} className={buttonClass()}>
        {action}
      </Link>
    </li>
  );
  return (
    <section aria-labelledby="request-tasks-heading" className="mb-6">
      <h2 id="request-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("requests")} ({calendarYears.length + acknowledgements.length})
      </h2>
      <ul
        className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
        data-testid="request-tasks"
      >
        {calendarYears.map((year) =>
          item(
            `calendar-${year}`,
            t("calendarTask", { year }),
            t("calendarTaskBody"),
            "/settings/calendar",
            t("calendarTaskAction"),
          ),
        )}
        {acknowledgements.map((a) =>
          item(
            a.id,
            t("acknowledgeTask", { reference: a.reference }),
            t("acknowledgeTaskBody", { date: a.acknowledgeBy }),
            `/requests/${a.id}`,
            t("acknowledgeTaskAction"),
          ),
        )}
      </ul>
    </section>
  );
}
