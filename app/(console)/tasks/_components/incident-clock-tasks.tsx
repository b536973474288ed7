import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EventTime } from "@/components/ui/event-time";
import type { PassedClockTask } from "@/lib/incidents/tasks";

/** Incident clocks that passed unrecorded: for the assignee and every privacy officer until someone records them. */
export async function IncidentClockTasks({ tasks }: { tasks: PassedClockTask[] }) {
  if (tasks.length === 0) return null;
  const t = await getTranslations("incidents");
  return (
    <section aria-labelledby="incident-tasks-heading" className="mb-6">
      <h2 id="incident-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("tasks.title")} ({tasks.length})
      </h2>
      <ul
        className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-red-200"
        data-testid="incident-clock-tasks"
      >
        {tasks.map((task) => (
          <li
            key={`${task.incidentId}-${task.ruleKey}`}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
          >
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {t("tasks.passed", {
                  reference: task.reference,
                  clock: t.has(`clock.rules.${task.ruleKey}` as never)
                    ? t(`clock.rules.${task.ruleKey}` as never)
                    : task.ruleKey,
                })}
              </p>
              <p className="text-sm text-slate-600">
                {t("tasks.dueWas")} <EventTime iso={task.dueAt.toISOString()} />
              </p>
            </div>
            <Link href={`/incidents/${task.incidentId}`} className={buttonClass("danger")}>
              {t("tasks.open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
