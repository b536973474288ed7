import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FindingPriority, FindingStatus } from "@/db/schema/security-tests";
import { isOverdue } from "@/lib/security-tests/transitions";
import { CalendarDay } from "@/components/ui/event-time";

const priorityTone: Record<FindingPriority, BadgeTone> = {
  P1: "red",
  P2: "orange",
  P3: "amber",
  P4: "neutral",
};
const statusTone: Record<FindingStatus, BadgeTone> = {
  open: "neutral",
  in_remediation: "blue",
  fixed: "amber",
  retest_passed: "green",
  retest_failed: "red",
};

export async function PriorityBadge({ priority }: { priority: FindingPriority }) {
  const t = await getTranslations("securityTests");
  return <Badge tone={priorityTone[priority]}>{t(`priorities.${priority}`)}</Badge>;
}

export async function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const t = await getTranslations("securityTests");
  return <Badge tone={statusTone[status]}>{t(`statuses.${status}`)}</Badge>;
}

/** The deadline, and "overdue" in words beside it when it has passed (colour is not the only cue). */
export async function DueOn({
  finding,
  today,
}: {
  finding: { status: FindingStatus; dueOn: string };
  today: string;
}) {
  const t = await getTranslations("securityTests");
  return (
    <span className="inline-flex items-center gap-2 tabular-nums">
      <CalendarDay iso={finding.dueOn} />
      {isOverdue(finding, today) && <Badge tone="red">{t("overdue")}</Badge>}
    </span>
  );
}
