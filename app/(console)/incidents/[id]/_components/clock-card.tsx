import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import type { IncidentClock } from "@/lib/incidents/clocks";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { ClockCountdown } from "../../_components/clock-countdown";
import { ClockMarkForm } from "./clock-mark-form";

/**
 * Every clock that applies to the incident, computed at each render from the rules, the
 * incident's facts and the organisation's settings; the nearest due first.
 */
export async function ClockCard({ detail, canMark }: { detail: IncidentDetail; canMark: boolean }) {
  const t = await getTranslations("incidents");
  return (
    <Card title={t("clock.title")}>
      {detail.clocks.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-clocks">
          {t("clock.none")}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="clocks">
          {detail.clocks.map((clock) => (
            <ClockRow
              key={clock.rule.key}
              clock={clock}
              canMark={canMark}
              incidentId={detail.incident.id}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}

async function ClockRow({
  clock,
  canMark,
  incidentId,
}: {
  clock: IncidentClock;
  canMark: boolean;
  incidentId: string;
}) {
  const t = await getTranslations("incidents");
  const { rule } = clock;
  const words = (group: string, value: string) =>
    rule.reference ? t(`${group}.${value}` as never) : value;
  const period = clock.period
    ? t(`clock.period.${clock.period.unit}`, { amount: clock.period.amount })
    : t("clock.undueDelay");
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm font-semibold text-slate-900">
            {rule.reference
              ? t(`clock.rules.${rule.key}` as never)
              : `${rule.law} · ${rule.recipient}`}
          </p>
          <p className="text-xs text-slate-600">
            {t("clock.to", { recipient: words("recipient", rule.recipient) })} · {period}
            {" · "}
            {t(`clock.start.${rule.start.startsWith("met:") ? "met" : rule.start}` as never)}
            {rule.target && (
              <>
                {" "}
                · <span className="font-medium text-amber-800">{t("clock.targetNotLaw")}</span>
              </>
            )}
          </p>
        </div>
        <ClockCountdown clock={clock} />
      </div>
      {clock.dueAt && (
        <p className="text-xs text-slate-600">
          {t("clock.dueAt")} <EventTime iso={clock.dueAt.toISOString()} />
        </p>
      )}
      {clock.mark && (
        <p className="text-xs text-slate-700" data-testid={`clock-mark-${rule.key}`}>
          {t(`clock.marked.${clock.mark.outcome}`)} <EventTime iso={clock.mark.at.toISOString()} />
          {clock.mark.reason && <> · {clock.mark.reason}</>}
        </p>
      )}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer select-none">{t("clock.checklistAndSource")}</summary>
        <ul className="mt-1 list-disc pl-5">
          {rule.checklist.map((item) => (
            <li key={item}>{words("checklist", item)}</li>
          ))}
        </ul>
        <p className="mt-1 text-slate-500">
          {rule.source}
          {rule.inForceFrom && ` (${t("clock.inForce", { date: rule.inForceFrom })})`}
        </p>
      </details>
      {canMark && !clock.mark && clock.state !== "not_started" && (
        <ClockMarkForm incidentId={incidentId} ruleKey={rule.key} waiver={rule.waiver ?? null} />
      )}
    </li>
  );
}
