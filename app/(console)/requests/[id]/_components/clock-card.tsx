import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { DEFAULT_TIME_ZONE, datesFor } from "@/lib/core/i18n/format-date";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ORG_TIME_ZONE, todayIso } from "@/lib/core/dates";
import type { RequestDetail } from "@/lib/requests/queries";
import { timeOfDay } from "@/lib/requests/receipt-time";
import { ProvisionalTag, unitOf } from "../../_components/request-badges";

type LawClockView = RequestDetail["clocks"][number];

/**
 * Every law's clock on the request, computed at each render from its rule, the calendar and the
 * pauses: the governing one (due first) marked, each with the date it counts from in its law's zone.
 */
export function ClockCard({
  detail,
  open,
  today,
}: {
  detail: RequestDetail;
  open: boolean;
  today: string;
}) {
  const t = useTranslations("requests");
  const { request: r } = detail;
  const at = (zone: string) => `${todayIso(r.receivedAt, zone)} ${timeOfDay(r.receivedAt, zone)}`;
  const several = detail.clocks.length > 1;
  return (
    <Card title={several ? t("clock.titleSeveral") : t("clock.title")}>
      <div className="space-y-4">
        {!open ? (
          <p className="text-sm text-slate-600">
            {t("clock.closed", { status: t(`status.${r.status}`) })}
          </p>
        ) : detail.clock.state === "not_started" ? (
          <p className="text-sm text-slate-600">{t("clock.notStarted")}</p>
        ) : null}
        <p className="text-sm text-slate-700" data-testid="received-at">
          {t("clock.receivedAt", { local: at(ORG_TIME_ZONE), utc: at("UTC") })}
        </p>
        {r.lawsBasis === "region_outside" && (
          <Notice tone="info">{t("clock.basis.region_outside")}</Notice>
        )}
        {r.lawsBasis === "organisation" && (
          <Notice tone="info">{t("clock.basis.organisation")}</Notice>
        )}
        {several && <p className="text-sm text-slate-600">{t("clock.severalExplain")}</p>}
        <ol className="space-y-4">
          {detail.clocks.map((c) => (
            <LawClockSection
              key={c.law}
              clock={c}
              open={open}
              several={several}
              acknowledged={r.acknowledgedAt !== null}
            />
          ))}
        </ol>
        <dl className="grid gap-4 text-sm sm:grid-cols-4">
          {r.extended && <Fact label={t("clock.extended")} value={t("clock.extendedYes")} />}
          {r.pausedSince && <Fact label={t("clock.pausedSince")} value={r.pausedSince} />}
          {detail.clocks.some((c) => c.acknowledgeBy) && (
            <Fact
              label={t("clock.acknowledged")}
              value={r.acknowledgedAt ? t("clock.acknowledgedYes") : t("clock.acknowledgedNo")}
            />
          )}
          <Fact label={t("clock.today")} value={today} />
        </dl>
        {open && r.pausedSince && <Notice tone="warning">{t("clock.pausedNotice")}</Notice>}
        {open && detail.clocks.some((c) => c.provisional) && (
          <Notice tone="warning">
            <span data-testid="due-provisional">{t("clock.provisional")}</span>{" "}
            <Link href="/settings/calendar" className="font-medium underline">
              {t("clock.provisionalLink")}
            </Link>
          </Notice>
        )}
      </div>
    </Card>
  );
}

function Fact({
  label,
  value,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function LawClockSection({
  clock: c,
  open,
  several,
  acknowledged,
}: {
  clock: LawClockView;
  open: boolean;
  several: boolean;
  acknowledged: boolean;
}) {
  const t = useTranslations("requests");
  const dates = datesFor(useLocale(), useTimeZone() ?? DEFAULT_TIME_ZONE);
  const unit = unitOf(c.rule.dueSoonUnit);
  const respond = c.rule.respond;
  return (
    <li
      className={
        several && c.governing
          ? "rounded-md bg-brand-50/40 p-3 ring-2 ring-brand-600"
          : "rounded-md p-3 ring-1 ring-slate-200"
      }
      data-testid={`clock-${c.law}`}
      data-governing={c.governing}
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t(`clock.law.${c.law}`)}</h3>
        {several && c.governing && (
          <span data-testid="governing-badge">
            <Badge tone="blue">{t("clock.governing")}</Badge>
          </span>
        )}
      </div>
      <dl className="grid gap-4 sm:grid-cols-4">
        <Fact
          label={t("fields.dueOn")}
          value={
            c.dueOn ? (
              <>
                {dates.day(c.dueOn)}
                {c.provisional && <ProvisionalTag />}
              </>
            ) : (
              "—"
            )
          }
          testId={c.governing ? "due-on" : `due-on-${c.law}`}
        />
        {open && c.remaining !== null && (
          <Fact
            label={t("clock.left")}
            testId={`left-${c.law}`}
            value={
              c.state === "overdue"
                ? t("sla.overdueBy", { count: -(c.calendarDaysLeft ?? 0) })
                : t(`sla.left.${unit}`, { count: c.remaining })
            }
          />
        )}
        {open && c.calendarDaysLeft !== null && unit !== "calendar" && c.state !== "overdue" && (
          <Fact
            label={t("clock.calendarLeft")}
            value={
              c.calendarDaysLeft < 0
                ? t("sla.overdueBy", { count: -c.calendarDaysLeft })
                : t("sla.left.calendar", { count: c.calendarDaysLeft })
            }
          />
        )}
        <Fact
          label={t("clock.receivedIn", { zone: c.timeZone })}
          value={dates.day(c.receivedOn)}
          testId={`received-on-${c.law}`}
        />
        <Fact label={t("clock.startsOn")} value={c.startsOn ? dates.day(c.startsOn) : "—"} />
        {c.extensionDecideBy && c.dueOn !== c.extensionDecideBy && (
          <Fact label={t("clock.extensionDecideBy")} value={c.extensionDecideBy} />
        )}
        {c.acknowledgeBy && (
          <Fact
            label={t("clock.acknowledgeBy")}
            testId={`acknowledge-${c.law}`}
            value={
              open && !acknowledged && c.acknowledgeLeft !== null && c.acknowledgeLeft >= 0
                ? `${c.acknowledgeBy} · ${t("sla.left.business", { count: c.acknowledgeLeft })}`
                : c.acknowledgeBy
            }
          />
        )}
      </dl>
      <p className="mt-3 text-xs text-slate-500" data-testid={`basis-${c.law}`}>
        {t("clock.rule", {
          rule: t(`clock.rules.${c.rule.key}`, { amount: respond.amount, unit: respond.unit }),
        })}
      </p>
    </li>
  );
}
