"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { formDataToObject } from "@/lib/core/actions/form-data";
import { idle } from "@/lib/core/actions/state";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { dataCategories } from "@/lib/data-categories/options";
import {
  certifications,
  dpaStatusIds,
  handlerRoleIds,
  purposes,
  regions,
} from "@/lib/vendors/options";
import { assessRisk, defaultCadenceMonths, riskQuestions } from "@/lib/vendors/risk";
import { RiskSection } from "./risk-section";

type Values = Record<string, string | string[]>;

function riskOf(values: Values) {
  const answers = Object.fromEntries(
    riskQuestions.map((q) => [
      q.id,
      typeof values[`risk.${q.id}`] === "string" ? (values[`risk.${q.id}`] as string) : "",
    ]),
  );
  return assessRisk({
    answers,
    sensitiveData: values.sensitiveData === "true",
    crossBorder: values.crossBorder === "true",
  });
}

interface Props {
  action: ServerAction;
  initial: Values;
  departments: Array<{ id: string; name: string }>;
  /** Edit only: the next review date that leaving the field empty gives. */
  computedNextReview?: string;
  cancelHref: string;
  submitLabel: string;
}

/** The vendor form for both create and edit; the server validates everything again. */
export function VendorForm({
  action,
  initial,
  departments,
  computedNextReview,
  cancelHref,
  submitLabel,
}: Props) {
  const t = useTranslations("vendors");
  const common = useTranslations("common");
  const category = useTranslations("dataCategories");
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" && state.values ? state.values : initial;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const [risk, setRisk] = useState(() => riskOf(values));
  const form = useFocusFirstError(state);

  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) =>
    Array.isArray(values[name]) ? (values[name] as string[]) : text(name) ? [text(name)] : [];
  const options = (group: string, ids: readonly string[]) =>
    ids.map((id) => ({ value: id, label: t(`options.${group}.${id}`) }));
  // Selects are keyed by their value: React does not re-apply a changed defaultValue to a
  // <select>, so after a refusal the form's reset would otherwise show the first value again.
  const field = (name: string) => ({
    name,
    label: t(`fields.${name}`),
    defaultValue: text(name),
    error: errors[name],
  });

  return (
    <form
      ref={form}
      action={formAction}
      noValidate
      className="space-y-6"
      onChange={(e) => setRisk(riskOf(formDataToObject(new FormData(e.currentTarget)) as Values))}
    >
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && (
        <input
          type="hidden"
          name="version"
          value={text("version") || (initial.version as string)}
        />
      )}
      <FormMessage state={state} />

      <Card title={t("sections.basics")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField {...field("name")} required maxLength={200} autoComplete="off" />
          <TextField
            {...field("service")}
            required
            maxLength={200}
            placeholder={t("fields.servicePlaceholder")}
          />
          <SelectField
            key={text("country")}
            {...field("country")}
            required
            options={options("regions", regions)}
          />
        </div>
        <div className="mt-5">
          <RadioGroup
            name="handlerRole"
            label={t("fields.handlerRole")}
            required
            defaultValue={text("handlerRole")}
            error={errors.handlerRole}
            options={options("handlerRole", handlerRoleIds)}
          />
          <p className="mt-1 text-xs text-slate-500">{t("hints.handlerRole")}</p>
        </div>
      </Card>

      <Card title={t("sections.data")}>
        <div className="space-y-5">
          <CheckboxGroup
            name="dataCategories"
            label={`${t("fields.dataCategories")} *`}
            options={dataCategories.map((id) => ({ value: id, label: category(id) }))}
            defaultValue={list("dataCategories")}
            error={errors.dataCategories}
          />
          <CheckboxGroup
            name="purposes"
            label={`${t("fields.purposes")} *`}
            options={options("purposes", purposes)}
            defaultValue={list("purposes")}
            error={errors.purposes}
          />
          <div className="grid gap-3 md:grid-cols-2">
            <CheckboxField
              name="sensitiveData"
              label={t("fields.sensitiveData")}
              hint={t("fields.sensitiveDataHint")}
              defaultChecked={values.sensitiveData === "true"}
            />
            <CheckboxField
              name="crossBorder"
              label={t("fields.crossBorder")}
              hint={t("fields.crossBorderHint")}
              defaultChecked={values.crossBorder === "true"}
            />
          </div>
        </div>
      </Card>

      <Card title={t("sections.dpa")}>
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField
            key={text("dpaStatus")}
            {...field("dpaStatus")}
            required
            options={options("dpaStatus", dpaStatusIds)}
            hint={t("hints.dpaDates")}
          />
          <TextField {...field("dpaSignedOn")} type="date" />
          <TextField {...field("dpaExpiresOn")} type="date" />
        </div>
        <div className="mt-5">
          <CheckboxGroup
            name="certifications"
            label={t("fields.certifications")}
            options={options("certifications", certifications)}
            defaultValue={list("certifications")}
            error={errors.certifications}
          />
        </div>
      </Card>

      <Card title={t("sections.risk")}>
        <RiskSection values={values} errors={errors} preview={risk} />
      </Card>

      <Card title={t("sections.review")}>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            {...field("reviewCadenceMonths")}
            type="number"
            min={1}
            max={60}
            inputMode="numeric"
            hint={t("hints.cadenceDefault", { months: defaultCadenceMonths[risk.tier] })}
          />
          <TextField {...field("lastReviewedOn")} type="date" />
          <TextField
            {...field("nextReviewOn")}
            type="date"
            hint={t("hints.nextReviewComputed", {
              date: computedNextReview
                ? t("hints.nextReviewComputedDate", { date: computedNextReview })
                : "",
            })}
          />
        </div>
      </Card>

      <Card title={t("sections.contact")}>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            key={text("ownerDepartmentId")}
            {...field("ownerDepartmentId")}
            options={[
              { value: "", label: t("hints.noDepartment") },
              ...departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <TextField {...field("contactName")} maxLength={100} autoComplete="off" />
          <TextField {...field("contactEmail")} type="email" maxLength={200} autoComplete="off" />
          <div className="md:col-span-2">
            <TextAreaField {...field("notes")} maxLength={2000} rows={4} />
          </div>
        </div>
      </Card>

      <div className="flex items-center justify-end gap-3">
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
        <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
