"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RequestType } from "@/db/schema/requests";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { gdprTimeZones, piplPeriodLimits, type PiplPeriodUnit } from "@/lib/requests/clock-rules";

interface Props {
  action: ServerAction;
  gdprTimeZone: string;
  /** Each PIPL type's period as it stands (the default where the organisation set none). */
  periods: Array<{ type: RequestType; amount: number; unit: PiplPeriodUnit }>;
  /** Zone names in the reader's language. */
  zoneLabels: Record<string, string>;
}

/** The GDPR establishment zone and, per request type, the PIPL period within its limit. */
export function ClockSettingsForm({ action, gdprTimeZone, periods, zoneLabels }: Props) {
  const t = useTranslations("organization");
  const r = useTranslations("requests");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label={t("clocks.title")}>
      <div className="max-w-md">
        <SelectField
          name="gdprTimeZone"
          label={t("clocks.gdprTimeZone")}
          hint={t("clocks.gdprTimeZoneHint")}
          required
          defaultValue={fieldValue(state, "gdprTimeZone", gdprTimeZone)}
          error={fieldError(state, "gdprTimeZone")}
          options={gdprTimeZones.map((zone) => ({ value: zone, label: zoneLabels[zone] ?? zone }))}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">{t("clocks.piplTitle")}</legend>
        <p className="text-xs text-slate-600">{t("clocks.piplHint")}</p>
        <div className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {periods.map(({ type, amount, unit }) => {
            const limit = piplPeriodLimits[type]!;
            return (
              <div
                key={type}
                className="grid items-start gap-3 px-3 py-3 sm:grid-cols-[1fr_6rem_12rem]"
                data-testid={`pipl-period-${type}`}
              >
                <div>
                  <p className="text-sm font-medium text-slate-900">{r(`type.${type}`)}</p>
                  <p className="text-xs text-slate-500">
                    {t("clocks.limit", {
                      working: limit.max.working_days,
                      calendar: limit.max.calendar_days,
                    })}
                  </p>
                </div>
                {/* Short visible labels beside the row's type; the accessible names say which type. */}
                <TextField
                  name={`piplAmount_${type}`}
                  label={t("clocks.amountShort")}
                  aria-label={t("clocks.amount", { type: r(`type.${type}`) })}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  required
                  defaultValue={fieldValue(state, `piplAmount_${type}`, String(amount))}
                  error={fieldError(state, `piplAmount_${type}`)}
                />
                <SelectField
                  name={`piplUnit_${type}`}
                  label={t("clocks.unitShort")}
                  aria-label={t("clocks.unit", { type: r(`type.${type}`) })}
                  defaultValue={fieldValue(state, `piplUnit_${type}`, unit)}
                  error={fieldError(state, `piplUnit_${type}`)}
                  options={(["working_days", "calendar_days"] as const).map((u) => ({
                    value: u,
                    label: t(`clocks.units.${u}`),
                  }))}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={common("saving")}>{t("clocks.save")}</SubmitButton>
    </form>
  );
}
