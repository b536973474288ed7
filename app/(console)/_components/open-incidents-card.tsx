import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { IncidentListRow } from "@/lib/incidents/queries";
import { ClockCountdown } from "../incidents/_components/clock-countdown";
import { IncidentBadges } from "../incidents/_components/incident-badges";

/** Open incidents the person sees, the one whose clock is due first at the top. */
export async function OpenIncidentsCard({ rows }: { rows: IncidentListRow[] }) {
  const t = await getTranslations("incidents");
  return (
    <Card
      title={t("overview.title")}
      action={
        <Link href="/incidents" className="text-sm text-brand-700 hover:underline">
          {t("overview.all")}
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("overview.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="open-incidents">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <Link
                  href={`/incidents/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.reference}
                </Link>
                <span className="ml-2 text-sm text-slate-700">{r.summary}</span>
                <div className="mt-1">
                  <IncidentBadges incident={r} />
                </div>
              </div>
              <div className="text-right text-xs text-slate-600">
                {r.nearest ? (
                  <>
                    <div>
                      {r.nearest.rule.reference
                        ? t(`clock.rules.${r.nearest.rule.key}` as never)
                        : r.nearest.rule.law}
                    </div>
                    <ClockCountdown clock={r.nearest} />
                  </>
                ) : (
                  t("overview.noClock")
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
