import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AffectedCounts as Counts } from "@/db/schema/incidents";
import { regionName } from "@/lib/customers/regions";

/** People by law and by region (largest first), the California residents, and references the vault did not know. */
export async function AffectedCounts({ counts, total }: { counts: Counts; total: number }) {
  const [t, incidents, format, locale] = await Promise.all([
    getTranslations("incidentAffected"),
    getTranslations("incidents"),
    getFormatter(),
    getLocale(),
  ]);
  const laws = Object.entries(counts.laws).sort(([, a], [, b]) => b - a);
  const regions = Object.entries(counts.regions).sort(([, a], [, b]) => b - a);
  const cell = "px-2 py-1";
  return (
    <div className="space-y-3" data-testid="affected-counts">
      <p className="text-sm text-slate-800" data-testid="affected-total">
        {t("total", { count: format.number(total) })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-xs font-medium text-slate-500">
            {t("byLaw")}
          </caption>
          <tbody>
            {laws.length === 0 && (
              <tr>
                <td className={`${cell} text-slate-500`}>{t("nobody")}</td>
              </tr>
            )}
            {laws.map(([law, n]) => (
              <tr key={law} className="border-t border-slate-100" data-testid={`law-${law}`}>
                <th scope="row" className={`${cell} text-left font-normal text-slate-700`}>
                  {incidents(`law.${law}` as never)}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{format.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-xs font-medium text-slate-500">
            {t("byRegion")}
          </caption>
          <tbody>
            {regions.slice(0, 12).map(([region, n]) => (
              <tr
                key={region}
                className="border-t border-slate-100"
                data-testid={`region-${region}`}
              >
                <th scope="row" className={`${cell} text-left font-normal text-slate-700`}>
                  {region === "unknown" ? t("regionUnknown") : regionName(region, locale)}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{format.number(n)}</td>
              </tr>
            ))}
            {regions.length > 12 && (
              <tr className="border-t border-slate-100">
                <td colSpan={2} className={`${cell} text-xs text-slate-500`}>
                  {t("moreRegions", { count: regions.length - 12 })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {counts.californiaResidents > 0 && (
        <p className="text-xs text-slate-600">
          {t("california", { count: format.number(counts.californiaResidents) })}
        </p>
      )}
      {counts.unmatchedRefs > 0 && (
        <p className="text-xs text-amber-700">
          {t("unmatched", { count: format.number(counts.unmatchedRefs) })}
        </p>
      )}
    </div>
  );
}
