import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { RequestDetail } from "@/lib/requests/queries";
import { ProvisionalTag } from "../../_components/request-badges";

const unitKey = { working_days: "working", business_days: "business", calendar_days: "calendar", months: "calendar" } as const;

/** The live clock, computed at each render from the law's rule, the calendar and the pauses. */
export function ClockCard({ detail, open, today }: { detail: RequestDetail; open: boolean; today: string }) {
  const t = useTranslations("requests");
  const { clock, rule, request: r } = detail;
  const unit = unitKey[rule.dueSoonUnit];
  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900 tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <Card title={t("clock.title")}>
      <div className="space-y-4">
        {!open ? (
          <p className="text-sm text-slate-600">{t("clock.closed", { status: t(`status.${r.status}`) })}</p>
        ) : clock.state === "not_started" ? (
          <p className="text-sm text-slate-600">{t("clock.notStarted")}</p>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-4">
          {fact(t("fields.dueOn"), clock.dueOn ? <>{clock.dueOn}{clock.provisional && <ProvisionalTag />}</> : "—", "due-on")}
          {open && clock.remaining !== null && fact(
            t("clock.left"),
            clock.state === "overdue" ? t("sla.overdueBy", { count: -(detail.calendarDaysLeft ?? 0) }) : t(`sla.left.${unit}`, { count: clock.remaining }),
          )}
          {open && detail.calendarDaysLeft !== null && fact(
            t("clock.calendarLeft"),
            detail.calendarDaysLeft < 0 ? t("sla.overdueBy", { count: -detail.calendarDaysLeft }) : t("sla.left.calendar", { count: detail.calendarDaysLeft }),
          )}
          {fact(t("clock.startsOn"), clock.startsOn ?? "—")}
          {clock.acknowledgeBy && fact(t("clock.acknowledgeBy"), clock.acknowledgeBy)}
          {clock.acknowledgeBy && fact(t("clock.acknowledged"), r.acknowledgedAt ? t("clock.acknowledgedYes") : t("clock.acknowledgedNo"))}
          {r.extended && fact(t("clock.extended"), t("clock.extendedYes"))}
          {r.pausedSince && fact(t("clock.pausedSince"), r.pausedSince)}
          {fact(t("clock.today"), today)}
        </dl>
        {open && r.pausedSince && <Notice tone="warning">{t("clock.pausedNotice")}</Notice>}
        {open && clock.provisional && (
          <Notice tone="warning">
            <span data-testid="due-provisional">{t("clock.provisional")}</span> <Link href="/settings/calendar" className="font-medium underline">{t("clock.provisionalLink")}</Link>
          </Notice>
        )}
        <p className="text-xs text-slate-500">{t("clock.rule", { rule: t(`clock.rules.${r.law}`) })}</p>
      </div>
    </Card>
  );
}
