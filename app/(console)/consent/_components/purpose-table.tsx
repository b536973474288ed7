import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { PurposeCounts } from "@/lib/consent/dashboard";
import { localized } from "@/lib/core/i18n/localized-text";
import { KindBadge } from "./consent-badges";

const head = "px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-600";
const num = "px-3 py-2 text-right tabular-nums";

/** Current granted / denied / withdrawn per purpose and the opt-in rate among those who decided. */
export async function PurposeTable({ rows }: { rows: PurposeCounts[] }) {
  const [t, locale, format] = await Promise.all([
    getTranslations("consent"),
    getLocale(),
    getFormatter(),
  ]);
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="purpose-counts">
        <caption className="sr-only">{t("dashboard.byPurpose")}</caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              {t("fields.purpose")}
            </th>
            <th scope="col" className={head}>
              {t("fields.kind")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("statuses.granted")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("statuses.denied")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("statuses.withdrawn")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("dashboard.optInRate")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link
                  href={`/consent/receipts?purpose=${row.id}`}
                  className="text-slate-900 underline-offset-2 hover:underline"
                >
                  {localized(row.name, locale)}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{row.code}</span>
              </th>
              <td className="px-3 py-2">
                <KindBadge kind={row.kind} />
              </td>
              <td className={`${num} text-emerald-700`}>{row.granted}</td>
              <td className={`${num} text-amber-700`}>{row.denied}</td>
              <td className={`${num} text-red-700`}>{row.withdrawn}</td>
              <td className={num}>
                {row.optInRate === null ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <span className="inline-flex items-center gap-2">
                    <span
                      className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-slate-100 sm:inline-block"
                      aria-hidden="true"
                    >
                      <span
                        className="block h-full bg-emerald-500"
                        style={{ width: `${Math.round(row.optInRate * 100)}%` }}
                      />
                    </span>
                    {format.number(row.optInRate, { style: "percent", maximumFractionDigits: 1 })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
