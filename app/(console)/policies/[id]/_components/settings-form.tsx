"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, CheckboxGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

export interface SettingsValues {
  documentId: string;
  internal: boolean;
  acknowledgementRequired: boolean;
  audienceDepartmentIds: string[];
}

/** Public or internal, whether staff acknowledge it, and which departments; the server re-checks every id. */
export function SettingsForm({
  action,
  initial,
  departments,
}: {
  action: ServerAction;
  initial: SettingsValues;
  departments: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations("policies.settings");
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? state.values : undefined;
  // After a refused save the form shows what was submitted, not the stored settings.
  const checked = (name: "internal" | "acknowledgementRequired") =>
    values ? values[name] === "true" : initial[name];
  const audience = values
    ? Array.isArray(values.audienceDepartmentIds)
      ? values.audienceDepartmentIds
      : []
    : initial.audienceDepartmentIds;
  return (
    <form action={formAction} className="space-y-4" key={JSON.stringify(values ?? null)}>
      <input type="hidden" name="documentId" value={initial.documentId} />
      <CheckboxField
        name="internal"
        label={t("internal")}
        hint={t("internalHint")}
        defaultChecked={checked("internal")}
      />
      <CheckboxField
        name="acknowledgementRequired"
        label={t("acknowledgementRequired")}
        hint={t("acknowledgementRequiredHint")}
        defaultChecked={checked("acknowledgementRequired")}
      />
      {departments.length > 0 ? (
        <div className="space-y-1">
          <CheckboxGroup
            name="audienceDepartmentIds"
            label={t("audience")}
            error={errors.audienceDepartmentIds}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            defaultValue={audience}
          />
          <p className="text-xs text-slate-500">{t("audienceHint")}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("noDepartments")}</p>
      )}
      <FormMessage state={state} />
      {errors._form && (
        <p className="text-sm text-red-700" aria-live="polite">
          {errors._form}
        </p>
      )}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
