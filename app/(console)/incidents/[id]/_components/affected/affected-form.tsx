"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { vaultCategoryKeys } from "@/lib/incidents/affected/vault-categories";
import { selectAffectedAction } from "../../affected/actions";

const kinds = ["criteria", "csv", "everyone"] as const;

/** Who is affected, as the officer states it; the job counts them before anything is committed. */
export function AffectedForm({
  incidentId,
  merchants,
  defaultCategories,
}: {
  incidentId: string;
  merchants: Array<{ id: string; name: string; city: string | null }>;
  defaultCategories: string[];
}) {
  const t = useTranslations("incidentAffected");
  const category = useTranslations("dataCategories");
  const [state, formAction] = useActionState(selectAffectedAction, idle);
  const [kind, setKind] = useState(fieldValue(state, "kind", "criteria"));
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4"
      data-testid="affected-form"
      onChange={(e) => {
        const target = e.target;
        if (target instanceof HTMLInputElement && target.name === "kind") setKind(target.value);
      }}
    >
      <input type="hidden" name="id" value={incidentId} />
      <RadioGroup
        name="kind"
        label={t("kind")}
        required
        defaultValue={kind}
        options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      {kind === "criteria" && (
        <div className="space-y-4 rounded-md bg-slate-50 p-3">
          <p className="text-xs text-slate-600">{t("criteriaHelp")}</p>
          <CheckboxGroup
            name="categories"
            label={t("categories")}
            error={fieldError(state, "categories")}
            defaultValue={fieldValues(state, "categories", defaultCategories)}
            options={vaultCategoryKeys.map((c) => ({
              value: c,
              label: `${category(c)}（${t(`systems.${c}`)}）`,
            }))}
          />
          <SelectField
            id="affected-merchant"
            name="merchantId"
            label={t("merchant")}
            error={fieldError(state, "merchantId")}
            defaultValue={fieldValue(state, "merchantId", "")}
            options={[
              { value: "", label: t("anyMerchant") },
              ...merchants.map((m) => ({
                value: m.id,
                label: m.city ? `${m.name} · ${m.city}` : m.name,
              })),
            ]}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="affected-orders-from"
              name="ordersFrom"
              type="date"
              label={t("ordersFrom")}
              error={fieldError(state, "ordersFrom")}
              defaultValue={fieldValue(state, "ordersFrom", "")}
            />
            <TextField
              id="affected-orders-to"
              name="ordersTo"
              type="date"
              label={t("ordersTo")}
              error={fieldError(state, "ordersTo")}
              defaultValue={fieldValue(state, "ordersTo", "")}
            />
          </div>
        </div>
      )}
      {kind === "csv" && (
        <TextField
          id="affected-file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          label={t("file")}
          hint={t("fileHelp")}
          error={fieldError(state, "file")}
        />
      )}
      {kind === "everyone" && <p className="text-sm text-slate-600">{t("everyoneHelp")}</p>}
      <SubmitButton pendingLabel={t("starting")}>{t("start")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
