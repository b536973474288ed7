import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RiskHeatMap } from "@/components/charts/risk-heat-map";
import { Card } from "@/components/ui/card";

/** The heat map with the acceptances that need attention: on the register and on the overview. */
export async function RiskHeatMapCard({
  map,
  className,
}: {
  map: {
    cells: Array<{ likelihood: number; impact: number; count: number }>;
    expired: number;
    pending: number;
  };
  className?: string;
}) {
  const t = await getTranslations("risks");
  return (
    <Card
      title={t("heatMap.title")}
      action={
        <Link href="/risks" className="text-sm text-brand-700 hover:underline">
          {t("heatMap.open")}
        </Link>
      }
      className={className}
    >
      <RiskHeatMap
        caption={t("heatMap.caption")}
        cells={map.cells}
        labels={{
          likelihood: t("fields.likelihood"),
          impact: t("fields.impact"),
          level: (level) => t(`levels.${level}`),
          count: (count) => t("heatMap.count", { count }),
        }}
      />
      <p className="mt-3 flex flex-wrap gap-x-4 text-sm text-slate-600">
        <span
          data-testid="expired-acceptances"
          className={map.expired > 0 ? "font-medium text-red-700" : undefined}
        >
          {t("heatMap.expired", { count: map.expired })}
        </span>
        <span>{t("heatMap.pending", { count: map.pending })}</span>
      </p>
    </Card>
  );
}
