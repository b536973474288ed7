import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import type { ReconsentProgress } from "@/lib/consent/dashboard";
import { localized } from "@/lib/core/i18n/localized-text";

/** Per purpose whose consent must be given again: how many of the earlier grants have been renewed. */
export async function ReconsentCard({ rows }: { rows: ReconsentProgress[] }) {
  const [t, locale, format] = await Promise.all([
    getTranslations("consent"),
    getLocale(),
    getFormatter(),
  ]);
  return (
    <Card title={t("dashboard.reconsent")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("dashboard.noReconsent")}</p>
      ) : (
        <ul className="space-y-4">
          {rows.map((row) => {
            const total = row.waiting + row.reconsented;
            const share = total === 0 ? 0 : row.reconsented / total;
            return (
              <li key={row.id}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium text-slate-900">
                    {localized(row.name, locale)}{" "}
                    <span className="font-mono text-xs text-slate-500">{row.code}</span>
                  </span>
                  <span className="text-xs text-slate-500">
                    {t("dashboard.reconsentSince")} <EventTime iso={row.since} />
                  </span>
                </div>
                <div
                  className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(share * 100)}
                  aria-label={localized(row.name, locale)}
                >
                  <div className="h-full bg-brand-600" style={{ width: `${share * 100}%` }} />
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  {t("dashboard.reconsentProgress", {
                    done: row.reconsented,
                    waiting: row.waiting,
                    share: format.number(share, { style: "percent", maximumFractionDigits: 0 }),
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
