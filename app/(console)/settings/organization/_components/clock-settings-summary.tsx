import { getTranslations } from "next-intl/server";
import type { RequestType } from "@/db/schema/requests";
import type { PiplPeriodUnit } from "@/lib/requests/clock-rules";

/** Read-only request clock settings, for roles that may see but not change them. */
export async function ClockSettingsSummary({
  gdprTimeZone,
  periods,
}: {
  gdprTimeZone: string;
  periods: Array<{ type: RequestType; amount: number; unit: PiplPeriodUnit }>;
}) {
  const [t, r] = await Promise.all([getTranslations("organization"), getTranslations("requests")]);
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      <div className="flex justify-between gap-3 py-1.5">
        <dt className="text-slate-500">{t("clocks.gdprTimeZone")}</dt>
        <dd className="text-right text-slate-900">{gdprTimeZone}</dd>
      </div>
      {periods.map(({ type, amount, unit }) => (
        <div key={type} className="flex justify-between gap-3 py-1.5">
          <dt className="text-slate-500">{r(`type.${type}`)}</dt>
          <dd className="text-right text-slate-900 tabular-nums">
            {t(`clocks.period.${unit}`, { count: amount })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
