"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { dataCategories } from "@/lib/data-categories/options";

interface Props {
  action: ServerAction;
  vendors: Array<{ id: string; name: string }>;
  today: string;
  time: string;
}

/** The report: a few fields, most optional, so anyone can send it in under a minute. */
export function ReportForm({ action, vendors, today, time }: Props) {
  const t = useTranslations("incidents");
  const category = useTranslations("dataCategories");
  const [state, formAction] = useActionState(action, idle);
  const field = (name: string, fallback = "") => ({
    name,
    label: t(`report.fields.${name}`),
    defaultValue: fieldValue(state, name, fallback),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage state={formOutcome(state)} />
      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <TextField
              {...field("summary")}
              required
              maxLength={200}
              autoComplete="off"
              hint={t("report.hints.summary")}
            />
          </div>
          <div className="md:col-span-2">
            <TextAreaField
              {...field("description")}
              required
              maxLength={4000}
              rows={4}
              hint={t("report.hints.description")}
            />
          </div>
          <TextField {...field("discoveredOn", today)} type="date" required max={today} />
          <TextField
            {...field("discoveredTime", time)}
            type="time"
            hint={t("report.hints.discoveredTime")}
          />
          <TextField
            {...field("systems")}
            maxLength={500}
            hint={t("report.hints.systems")}
            autoComplete="off"
          />
          <TextField
            {...field("estimatedAffected")}
            type="number"
            min={0}
            inputMode="numeric"
            hint={t("report.hints.estimatedAffected")}
          />
          <SelectField
            {...field("vendorId")}
            options={[
              { value: "", label: t("report.noVendor") },
              ...vendors.map((v) => ({ value: v.id, label: v.name })),
            ]}
          />
          <div className="md:col-span-2">
            <CheckboxGroup
              name="dataCategories"
              label={t("report.fields.dataCategories")}
              error={fieldError(state, "dataCategories")}
              defaultValue={fieldValues(state, "dataCategories", [])}
              options={dataCategories.map((c) => ({ value: c, label: category(c) }))}
            />
          </div>
        </div>
      </Card>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel={t("report.sending")}>{t("report.submit")}</SubmitButton>
        <Link href="/incidents" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
