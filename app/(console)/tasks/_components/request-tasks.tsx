import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { TaskItem, TaskSection } from "@/components/ui/task-section";
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
  const action = (href: string, label: string) => (
    <Link href={href} className={buttonClass()}>
      {label}
    </Link>
  );
  return (
    <TaskSection
      id="request-tasks"
      title={t("requests")}
      count={calendarYears.length + acknowledgements.length}
      testId="request-tasks"
    >
      {calendarYears.map((year) => (
        <TaskItem
          key={`calendar-${year}`}
          title={t("calendarTask", { year })}
          body={t("calendarTaskBody")}
          action={action("/settings/calendar", t("calendarTaskAction"))}
        />
      ))}
      {acknowledgements.map((a) => (
        <TaskItem
          key={a.id}
          title={t("acknowledgeTask", { reference: a.reference })}
          body={t("acknowledgeTaskBody", { date: a.acknowledgeBy })}
          action={action(`/requests/${a.id}`, t("acknowledgeTaskAction"))}
        />
      ))}
    </TaskSection>
  );
}
