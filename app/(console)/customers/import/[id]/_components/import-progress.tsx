import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RefreshEvery } from "@/components/ui/refresh-every";

/** Processed of total, refreshed every couple of seconds until the job has finished. */
export async function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const t = await getTranslations("imports.progress");
  const percent = total === 0 ? 100 : Math.floor((processed / total) * 100);
  return (
    <Card title={t("title")}>
      <div className="space-y-2">
        <div
          role="progressbar"
          aria-label={t("title")}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={processed}
          aria-valuetext={t("text", { processed, total, percent })}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className="h-full rounded-full bg-brand-600 transition-all"
            style={{ width: `${percent}%` }}
          />
        </div>
        <p className="text-sm text-slate-700 tabular-nums">
          {t("text", { processed, total, percent })}
        </p>
        <p className="text-xs text-slate-500">{t("help")}</p>
      </div>
      <RefreshEvery ms={1500} />
    </Card>
  );
}
