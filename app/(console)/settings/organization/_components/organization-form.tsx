"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { supportedLocales } from "@/lib/core/i18n/locale";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export interface OrganizationValues {
  nameZh: string;
  nameEn: string;
  slug: string;
  jurisdictions: string[];
  locale: string;
  /** GDPR Art. 8(1): below it, a parent consents (13–16). */
  gdprChildAge: number;
  timeZone: string;
}

interface Props {
  action: ServerAction;
  defaults: OrganizationValues;
  /** From the schema, passed in so the database module stays out of the browser bundle. */
  jurisdictions: readonly string[];
  /** Every zone the server accepts (its validation list). */
  timeZones: readonly string[];
  submitLabel: string;
}

/** The organisation's profile: used to edit this one and to create another. */
export function OrganizationForm({
  action,
  defaults,
  jurisdictions,
  timeZones,
  submitLabel,
}: Props) {
  const t = useTranslations("organization");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="nameZh"
          label={t("nameZh")}
          lang="zh-CN"
          required
          maxLength={120}
          defaultValue={fieldValue(state, "nameZh", defaults.nameZh)}
          error={fieldError(state, "nameZh")}
        />
        <TextField
          name="nameEn"
          label={t("nameEn")}
          lang="en"
          required
          maxLength={120}
          defaultValue={fieldValue(state, "nameEn", defaults.nameEn)}
          error={fieldError(state, "nameEn")}
        />
      </div>
      <TextField
        name="slug"
        label={t("slug")}
        hint={t("slugHint")}
        required
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        className="font-mono"
        defaultValue={fieldValue(state, "slug", defaults.slug)}
        error={fieldError(state, "slug")}
      />
      <CheckboxGroup
        name="jurisdictions"
        label={t("jurisdictions")}
        options={jurisdictions.map((j) => ({ value: j, label: t(`jurisdiction.${j}`) }))}
        defaultValue={fieldValues(state, "jurisdictions", defaults.jurisdictions)}
        error={fieldError(state, "jurisdictions")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="locale"
          label={t("locale")}
          hint={t("localeHint")}
          options={supportedLocales.map((l) => ({ value: l, label: common(`languages.${l}`) }))}
          defaultValue={fieldValue(state, "locale", defaults.locale)}
          error={fieldError(state, "locale")}
        />
        <SelectField
          name="timeZone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          defaultValue={fieldValue(state, "timeZone", defaults.timeZone)}
          error={fieldError(state, "timeZone")}
        />
      </div>
      <div className="max-w-xs">
        <SelectField
          name="gdprChildAge"
          label={t("gdprChildAge")}
          hint={t("gdprChildAgeHint")}
          options={[13, 14, 15, 16].map((age) => ({
            value: String(age),
            label: t("gdprChildAgeOption", { age }),
          }))}
          defaultValue={fieldValue(state, "gdprChildAge", String(defaults.gdprChildAge))}
          error={fieldError(state, "gdprChildAge")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={common("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
