import { getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/line-chart";
import { Card } from "@/components/ui/card";
import type { RequestType } from "@/db/schema/requests";

/** Requests received per week and type (SVG, with a table for screen readers). */
export async function RequestsVolumeChart({ volume }: { volume: { weeks: string[]; byType: Partial<Record<RequestType, number[]>> } }) {
  const t = await getTranslations("requests");
  const series = (Object.entries(volume.byType) as Array<[RequestType, number[]]>).map(([type, values]) => ({ label: t(`type.${type}`), values }));
  // An even maximum keeps the axis' middle tick a whole number of requests.
  const peak = Math.max(0, ...series.flatMap((s) => s.values));
  const yMax = Math.max(2, Math.ceil(peak / 2) * 2);
  return (
    <Card title={t("overview.volume")} className="lg:col-span-2">
      {series.length === 0 ? <p className="text-sm text-slate-500">{t("overview.volumeEmpty")}</p> : (
        <LineChart title={t("overview.volume")} xTitle={t("overview.week")} xLabels={volume.weeks.map((w) => w.slice(5))} series={series} yMax={yMax} format={(v) => String(Math.round(v))} />
      )}
    </Card>
  );
}
