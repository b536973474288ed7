import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EventTime } from "@/components/ui/event-time";
import { TaskItem, TaskSection } from "@/components/ui/task-section";
import type { PassedClockTask } from "@/lib/incidents/tasks";

/** Incident clocks that passed unrecorded: for the assignee and every privacy officer until someone records them. */
export async function IncidentClockTasks({ tasks }: { tasks: PassedClockTask[] }) {
  if (tasks.length === 0) return null;
  const t = await getTranslations("incidents");
  return (
    <TaskSection
      id="incident-tasks"
      title={t("tasks.title")}
      count={tasks.length}
      testId="incident-clock-tasks"
      urgent
    >
      {tasks.map((task) => (
        <TaskItem
          key={`${task.incidentId}-${task.ruleKey}`}
          title={t("tasks.passed", {
            reference: task.reference,
            clock: t.has(`clock.rules.${task.ruleKey}` as never)
              ? t(`clock.rules.${task.ruleKey}` as never)
              : task.ruleKey,
          })}
          body={
            <>
              {t("tasks.dueWas")} <EventTime iso={task.dueAt} />
            </>
          }
          action={
            <Link href={`/incidents/${task.incidentId}`} className={buttonClass("danger")}>
              {t("tasks.open")}
            </Link>
          }
        />
      ))}
    </TaskSection>
  );
}
