import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DueUnit, RequestStatus } from "@/db/schema/requests";
import type { SlaState } from "@/lib/requests/deadline";

const statusTone: Record<RequestStatus, BadgeTone> = {
  received: "neutral",
  awaiting_identity: "amber",
  verified: "blue",
  in_progress: "blue",
  awaiting_requester: "orange",
  completed: "green",
  rejected: "neutral",
};
const slaTone: Record<SlaState, BadgeTone> = {
  on_track: "green",
  due_soon: "amber",
  overdue: "red",
  paused: "orange",
  not_started: "neutral",
};

/** The words a clock's "days left" are said in: its own unit (a CCPA 45-day clock in calendar days, never business days). */
export const unitOf = (unit: DueUnit | null) =>
  unit === "working_days" ? "working" : unit === "business_days" ? "business" : "calendar";

export function StatusBadge({ status }: { status: RequestStatus }) {
  const t = useTranslations("requests");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>
    </span>
  );
}

/** The SLA state with the days left in the law's unit ("3 working days left", "2 days overdue"). */
export function SlaBadge({
  state,
  remaining,
  unit,
  stacked,
}: {
  state: SlaState;
  remaining: number | null;
  unit: "working" | "business" | "calendar";
  stacked?: boolean;
}) {
  const t = useTranslations("requests");
  const days =
    remaining === null
      ? null
      : remaining < 0 || state === "overdue"
        ? t("sla.overdueBy", { count: Math.abs(remaining) })
        : t(`sla.left.${unit}`, { count: remaining });
  return (
    <span
      className={
        stacked ? "inline-flex flex-col items-start gap-0.5 whitespace-nowrap" : "whitespace-nowrap"
      }
      data-sla={state}
      data-testid={state === "paused" ? "paused-badge" : undefined}
    >
      <Badge tone={slaTone[state]}>{t(`sla.state.${state}`)}</Badge>
      {days && state !== "paused" && (
        <span
          className={
            stacked
              ? "text-xs text-slate-600 tabular-nums"
              : "ml-1.5 text-xs text-slate-600 tabular-nums"
          }
        >
          {days}
        </span>
      )}
    </span>
  );
}

/** Beside a due date that reaches a year with no published working calendar (暂定). */
export function ProvisionalTag() {
  const t = useTranslations("requests");
  return (
    <span className="ml-1.5 whitespace-nowrap">
      <Badge tone="amber">{t("list.provisional")}</Badge>
    </span>
  );
}
