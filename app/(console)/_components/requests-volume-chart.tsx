import { getTranslations } from "next-intl/server";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { Card } from "@/components/ui/card";
import type { RequestType } from "@/db/schema/requests";

/** Requests received per week, stacked by type (SVG, with a table for screen readers). */
export async function RequestsVolumeChart({
  volume,
}: {
  volume: { weeks: string[]; byType: Partial<Record<RequestType, number[]>> };
}) {
  const t = await getTranslations("requests");
  const series = (Object.entries(volume.byType) as Array<[RequestType, number[]]>)
    .map(([type, values]) => ({
      label: t(`type.${type}`),
      values,
      total: values.reduce((n, v) => n + v, 0),
    }))
    .sort((a, b) => b.total - a.total);
  return (
    <Card title={t("overview.volume")} className="lg:col-span-2">
      {series.length === 0 ? (
        <p className="text-sm text-slate-500">{t("overview.volumeEmpty")}</p>
      ) : (
        <StackedBarChart
          title={t("overview.volume")}
          xTitle={t("overview.week")}
          totalLabel={t("overview.total")}
          xLabels={volume.weeks.map((w) => w.slice(5))}
          series={series}
        />
      )}
    </Card>
  );
}
