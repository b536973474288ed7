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
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { systemKinds } from "@/db/schema/systems";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { dataCategories } from "@/lib/data-categories/options";
import { securityMeasures } from "@/lib/systems/options";
import { regions } from "@/lib/vendors/options";

export interface SystemFormValues {
  id?: string;
  version?: string;
  name: string;
  kind: string;
  description: string;
  ownerDepartmentId: string;
  hostingLocation: string;
  country: string;
  vendorId: string;
  dataCategories: string[];
  purposeIds: string[];
  securityMeasures: string[];
}

type Choice = { value: string; label: string };

export function SystemForm({
  action,
  initial,
  departments,
  vendors,
  purposes,
  cancelHref,
  submitLabel,
}: {
  action: ServerAction;
  initial: SystemFormValues;
  departments: Choice[];
  vendors: Choice[];
  purposes: Choice[];
  cancelHref: string;
  submitLabel: string;
}) {
  const t = useTranslations("systems");
  const common = useTranslations("common");
  const category = useTranslations("dataCategories");
  const region = useTranslations("vendors.options.regions");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  const value = (name: keyof SystemFormValues) =>
    fieldValue(state, name, initial[name] as string | undefined);
  const values = (name: "dataCategories" | "purposeIds" | "securityMeasures") =>
    fieldValues(state, name, initial[name]);
  return (
    <form ref={form} action={formAction} className="space-y-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="name"
            label={t("fields.name")}
            required
            maxLength={120}
            defaultValue={value("name")}
            error={fieldError(state, "name")}
          />
          <SelectField
            name="kind"
            label={t("fields.kind")}
            required
            defaultValue={value("kind")}
            error={fieldError(state, "kind")}
            options={systemKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <div className="sm:col-span-2">
            <TextAreaField
              name="description"
              label={t("fields.description")}
              maxLength={2000}
              defaultValue={value("description")}
              error={fieldError(state, "description")}
            />
          </div>
          <SelectField
            name="ownerDepartmentId"
            label={t("fields.ownerDepartment")}
            defaultValue={value("ownerDepartmentId")}
            error={fieldError(state, "ownerDepartmentId")}
            options={[{ value: "", label: t("noDepartment") }, ...departments]}
          />
          <SelectField
            name="vendorId"
            label={t("fields.vendor")}
            hint={t("hints.vendor")}
            defaultValue={value("vendorId")}
            error={fieldError(state, "vendorId")}
            options={[{ value: "", label: t("none") }, ...vendors]}
          />
          <TextField
            name="hostingLocation"
            label={t("fields.hostingLocation")}
            hint={t("hints.hostingLocation")}
            required
            maxLength={200}
            defaultValue={value("hostingLocation")}
            error={fieldError(state, "hostingLocation")}
          />
          <SelectField
            name="country"
            label={t("fields.country")}
            required
            defaultValue={value("country")}
            error={fieldError(state, "country")}
            options={regions.map((r) => ({ value: r, label: region(r) }))}
          />
        </div>
      </Card>
      <Card title={t("detail.data")}>
        <div className="space-y-5">
          <CheckboxGroup
            name="dataCategories"
            label={`${t("fields.dataCategories")} *`}
            options={dataCategories.map((id) => ({ value: id, label: category(id) }))}
            defaultValue={values("dataCategories")}
            error={fieldError(state, "dataCategories")}
          />
          {purposes.length > 0 && (
            <div>
              <CheckboxGroup
                name="purposeIds"
                label={t("fields.purposes")}
                options={purposes}
                defaultValue={values("purposeIds")}
                error={fieldError(state, "purposeIds")}
              />
              <p className="mt-1 text-xs text-slate-500">{t("hints.purposes")}</p>
            </div>
          )}
          <CheckboxGroup
            name="securityMeasures"
            label={t("fields.securityMeasures")}
            options={securityMeasures.map((id) => ({ value: id, label: t(`measures.${id}`) }))}
            defaultValue={values("securityMeasures")}
            error={fieldError(state, "securityMeasures")}
          />
        </div>
      </Card>
      <FormMessage state={formOutcome(state)} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
      </div>
    </form>
  );
}
