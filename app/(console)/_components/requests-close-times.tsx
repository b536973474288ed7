import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { RequestType } from "@/db/schema/requests";

/** Median calendar days from receipt to closing, per type, over the last 90 days. */
export async function RequestsCloseTimes({ rows }: { rows: Array<{ type: RequestType; median: number; count: number }> }) {
  const t = await getTranslations("requests");
  return (
    <Card title={t("overview.median")}>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{t("overview.medianEmpty")}</p> : (
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("overview.median")}</caption>
          <thead><tr className="text-left text-xs text-slate-500"><th className="pb-1">{t("fields.type")}</th><th className="pb-1 text-right">{t("overview.days")}</th><th className="pb-1 text-right">{t("overview.closed")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.type}>
                <td className="py-1.5">{t(`type.${r.type}`)}</td>
                <td className="py-1.5 text-right font-semibold tabular-nums">{Number.isInteger(r.median) ? r.median : r.median.toFixed(1)}</td>
                <td className="py-1.5 text-right text-slate-500 tabular-nums">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
