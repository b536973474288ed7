import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TaskStatusForm } from "@/app/(console)/incidents/[id]/_components/task-status-form";
import type { OwnedIncidentTask } from "@/lib/incidents/response/tasks";

/** The person's unfinished incident tasks, with their status to move along. */
export async function IncidentTasks({
  tasks,
  today,
  linkIncidents,
}: {
  tasks: OwnedIncidentTask[];
  today: string;
  linkIncidents: boolean;
}) {
  if (tasks.length === 0) return null;
  const t = await getTranslations("incidentResponse.tasks");
  return (
    <section aria-labelledby="incident-work-heading" className="mb-6">
      <h2 id="incident-work-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("myTasks")} ({tasks.length})
      </h2>
      <ul
        className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
        data-testid="incident-work-tasks"
      >
        {tasks.map((task) => (
          <li key={task.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">{task.title}</p>
              <p className="text-slate-600">
                {linkIncidents ? (
                  <Link href={`/incidents/${task.incidentId}`} className="text-brand-700">
                    {t("incident", { reference: task.reference })}
                  </Link>
                ) : (
                  t("incident", { reference: task.reference })
                )}{" "}
                · {t("dueOn")} <span className="tabular-nums">{task.dueOn}</span>
                {task.dueOn < today && <span className="text-red-700"> · {t("overdue")}</span>}
              </p>
            </div>
            <TaskStatusForm taskId={task.id} status={task.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
