"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
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
import { formOutcome } from "@/components/ui/form-state";
import { Notice } from "@/components/ui/notice";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { formDataToObject } from "@/lib/core/actions/form-data";
import { idle } from "@/lib/core/actions/state";
import {
  dataCategories,
  impliesSensitive,
  lawsCallingSensitive,
  sensitiveCategories,
} from "@/lib/data-categories/options";
import { basisIdsOf, basisRule } from "@/lib/consent/legal-bases";
import {
  basisField,
  consentKindIds,
  destinations,
  lawIds,
  separateGroundIds,
  transferMechanismIds,
  type LawId,
} from "@/lib/purposes/options";
import { purposeViolations } from "@/lib/purposes/rules";

type Values = Record<string, string | string[]>;

export interface PurposeFormOptions {
  vendors: Array<{
    id: string;
    name: string;
    service: string;
    country: string;
    role: string;
    archived: boolean;
  }>;
  documents: Array<{ id: string; title: string; publishedVersion: number | null }>;
  /** The organisation's laws: a basis is set under each of these, and no other. */
  laws: LawId[];
}

interface Props {
  action: ServerAction;
  initial: Values;
  options: PurposeFormOptions;
  cancelHref: string;
  submitLabel: string;
}

/** The purpose editor for both create and edit, both languages side by side; the server validates everything again. */
export function PurposeForm({ action, initial, options, cancelHref, submitLabel }: Props) {
  const t = useTranslations("purposes");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" && state.values ? state.values : initial;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const form = useFocusFirstError(state);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-6">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version as string} />}
      <FormMessage state={formOutcome(state)} />
      {/* Remounted with the values a refusal hands back, so every field shows what was sent. */}
      <PurposeFields
        key={JSON.stringify(values)}
        values={values}
        errors={errors}
        options={options}
        editing={Boolean(initial.id)}
      />
      {errors.confirmReconsent && <ReconsentConfirmation message={errors.confirmReconsent} />}
      <div className="flex gap-2">
        <SubmitButton pendingLabel={common("saving")}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
      </div>
      <p className="sr-only">{t("form.requiredNote")}</p>
    </form>
  );
}

function PurposeFields({
  values,
  errors,
  options,
  editing,
}: {
  values: Values;
  errors: Record<string, string>;
  options: PurposeFormOptions;
  editing: boolean;
}) {
  const t = useTranslations("purposes");
  const regions = useTranslations("purposes.options.destinations");
  const vendorOptions = useTranslations("vendors.options");
  const category = useTranslations("dataCategories");
  const [live, setLive] = useState<Values>(values);
  const text = (name: string) => (typeof live[name] === "string" ? (live[name] as string) : "");
  const list = (name: string) =>
    Array.isArray(values[name])
      ? (values[name] as string[])
      : typeof values[name] === "string" && values[name]
        ? [values[name] as string]
        : [];
  const start = (name: string) =>
    typeof values[name] === "string" ? (values[name] as string) : "";
  // The label's key when it is not the field's name (the code is posted as `identifier`).
  const field = (name: string, label = name) => ({
    name,
    label: t(`fields.${label}`),
    defaultValue: start(name),
    error: errors[name],
  });
  const onChange = (e: FormEvent<HTMLDivElement>) => {
    const owner = e.currentTarget.closest("form");
    if (owner) setLive(formDataToObject(new FormData(owner)) as Values);
  };

  const categories = Array.isArray(live.dataCategories) ? live.dataCategories : [];
  const implied = impliesSensitive(categories);
  const separate = text("consentKind") === "separate";
  const destination = text("crossBorderDestination");
  // Said before saving, by the rules the server applies (lib/purposes/rules.ts): what follows from the recipients' roles.
  const many = (name: string) =>
    Array.isArray(live[name])
      ? (live[name] as string[])
      : typeof live[name] === "string"
        ? [live[name] as string]
        : [];
  const sharesWithHandler = purposeViolations({
    bases: Object.fromEntries(lawIds.map((law) => [law, text(basisField(law)) || undefined])),
    consentKind: text("consentKind"),
    separateGrounds: many("separateGrounds"),
    dataCategories: categories,
    sensitive: false,
    crossBorderDestination: null,
    transferMechanism: null,
    recipients: options.vendors.filter((v) => many("recipientVendorIds").includes(v.id)),
  }).some((v) => v.key === "purposeSharingNeedsSeparate");

  return (
    <div className="space-y-6" onChange={onChange}>
      <Card title={t("sections.basics")}>
        <div className="space-y-4">
          {editing ? (
            <div>
              <input type="hidden" name="identifier" value={start("identifier")} />
              <p className="text-sm font-medium text-slate-700">{t("fields.code")}</p>
              <p className="mt-1 font-mono text-sm text-slate-900">{start("identifier")}</p>
              <p className="text-xs text-slate-500">{t("fields.codeFixed")}</p>
            </div>
          ) : (
            <TextField
              {...field("identifier", "code")}
              required
              maxLength={63}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              hint={t("fields.codeHint")}
              placeholder="marketing_sms"
            />
          )}
          <div className="grid gap-6 md:grid-cols-2">
            <fieldset className="space-y-4">
              <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t("form.chinese")}
              </legend>
              <TextField {...field("nameZh")} required maxLength={200} lang="zh-CN" />
              <TextAreaField
                {...field("descriptionZh")}
                required
                maxLength={2000}
                rows={5}
                lang="zh-CN"
                hint={t("fields.descriptionHint")}
              />
            </fieldset>
            <fieldset className="space-y-4">
              <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t("form.english")}
              </legend>
              <TextField {...field("nameEn")} required maxLength={200} lang="en" />
              <TextAreaField
                {...field("descriptionEn")}
                required
                maxLength={2000}
                rows={5}
                lang="en"
                hint={t("fields.descriptionHint")}
              />
            </fieldset>
          </div>
        </div>
      </Card>

      <Card title={t("sections.basis")}>
        <div className="space-y-5">
          <fieldset className="space-y-3" aria-describedby="bases-hint bases-error">
            <legend className="text-sm font-medium text-slate-700">{t("fields.bases")} *</legend>
            <p id="bases-hint" className="text-xs text-slate-500">
              {t("form.basesIntro")} {t("form.basesRules")}
            </p>
            <div className="grid gap-4 md:grid-cols-3">
              {options.laws.map((law) => (
                <SelectField
                  key={law}
                  {...field(basisField(law))}
                  options={[
                    { value: "", label: t("options.notOffered") },
                    ...basisIdsOf(law).map((id) => ({
                      value: id,
                      label: `${t(`options.bases.${law}.${id}`)} · ${basisRule(law, id)?.article}`,
                    })),
                  ]}
                />
              ))}
            </div>
            <p className="text-xs text-slate-500">{t("fields.basesHint")}</p>
            <p id="bases-error" className="text-xs text-red-600" aria-live="polite">
              {errors.bases}
            </p>
          </fieldset>
          <RadioGroup
            name="consentKind"
            label={t("fields.consentKind")}
            required
            defaultValue={start("consentKind")}
            error={errors.consentKind}
            options={consentKindIds.map((id) => ({
              value: id,
              label: t(`options.consentKinds.${id}`),
            }))}
          />
          <p className="-mt-3 text-xs text-slate-500">
            {t(`form.kindHint.${text("consentKind") || "standard"}`)}
          </p>
          {/* Reasons count only for separate consent (the server drops them otherwise). */}
          {separate && (
            <CheckboxGroup
              name="separateGrounds"
              label={`${t("fields.separateGrounds")} *`}
              defaultValue={list("separateGrounds")}
              error={errors.separateGrounds}
              options={separateGroundIds.map((id) => ({
                value: id,
                label: t(`options.grounds.${id}`),
              }))}
            />
          )}
          <CheckboxField
            name="required"
            label={t("fields.required")}
            hint={t("fields.requiredHint")}
            defaultChecked={start("required") === "true"}
            error={errors.required}
          />
        </div>
      </Card>

      <Card title={t("sections.data")}>
        <div className="space-y-4">
          <CheckboxGroup
            name="dataCategories"
            label={`${t("fields.dataCategories")} *`}
            defaultValue={list("dataCategories")}
            error={errors.dataCategories}
            options={dataCategories.map((id) => ({
              value: id,
              label: sensitiveCategories.includes(id)
                ? t("sensitiveCategory", {
                    label: category(id),
                    laws: lawsCallingSensitive(id).join(t("lawJoiner")),
                  })
                : category(id),
            }))}
          />
          <SensitiveCheckbox
            implied={implied}
            initial={start("sensitive") === "true"}
            label={t("fields.sensitive")}
            hint={implied ? t("fields.sensitiveImplied") : t("fields.sensitiveHint")}
          />
        </div>
      </Card>

      <Card title={t("sections.recipients")}>
        <div className="space-y-4">
          {options.vendors.length === 0 ? (
            <p className="text-sm text-slate-500">{t("form.noVendors")}</p>
          ) : (
            <fieldset aria-describedby="recipientVendorIds-error">
              <legend className="text-sm font-medium text-slate-700">
                {t("fields.recipientVendorIds")}
              </legend>
              <p className="text-xs text-slate-500">{t("fields.recipientsHint")}</p>
              <div className="mt-2 grid max-h-72 gap-x-4 gap-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200 sm:grid-cols-2">
                {options.vendors.map((v) => (
                  <label
                    key={v.id}
                    className="flex items-start gap-2 py-0.5 text-sm text-slate-700"
                  >
                    <input
                      type="checkbox"
                      name="recipientVendorIds[]"
                      value={v.id}
                      defaultChecked={list("recipientVendorIds").includes(v.id)}
                      className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
                    />
                    <span>
                      {v.name}
                      {v.archived && (
                        <span className="ml-1 text-xs text-amber-700">
                          （{t("status.archived")}）
                        </span>
                      )}
                      <span className="block text-xs text-slate-500">
                        {t("form.recipientFacts", {
                          service: v.service,
                          region: vendorOptions(`regions.${v.country}`),
                          role: vendorOptions(`handlerRole.${v.role}`),
                        })}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              <p id="recipientVendorIds-error" className="text-xs text-red-600" aria-live="polite">
                {errors.recipientVendorIds}
              </p>
            </fieldset>
          )}
          {sharesWithHandler && <Notice tone="warning">{t("form.sharingNotice")}</Notice>}
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField
              {...field("crossBorderDestination")}
              hint={t("fields.destinationHint")}
              options={[
                { value: "", label: t("form.noDestination") },
                ...destinations.map((id) => ({ value: id, label: regions(id) })),
              ]}
            />
            {/* A mechanism belongs to a transfer: asked only once there is a destination (the server drops it otherwise). */}
            {destination && (
              <SelectField
                {...field("transferMechanism")}
                required
                hint={t("fields.transferMechanismHint")}
                options={[
                  { value: "", label: t("form.chooseMechanism") },
                  ...transferMechanismIds.map((id) => ({
                    value: id,
                    label: t(`options.transferMechanisms.${id}`),
                  })),
                ]}
              />
            )}
          </div>
        </div>
      </Card>

      <Card title={t("sections.policy")}>
        <SelectField
          {...field("policyDocumentId")}
          hint={t("fields.policyHint")}
          options={[
            { value: "", label: t("form.noDocument") },
            ...options.documents.map((d) => ({
              value: d.id,
              label: d.publishedVersion
                ? t("form.documentVersion", { title: d.title, version: d.publishedVersion })
                : t("form.documentUnpublished", { title: d.title }),
            })),
          ]}
        />
      </Card>
    </div>
  );
}

/** Ticked and locked while a sensitive category is chosen (the server derives it the same way). */
function SensitiveCheckbox({
  implied,
  initial,
  label,
  hint,
}: {
  implied: boolean;
  initial: boolean;
  label: string;
  hint: string;
}) {
  const [own, setOwn] = useState(initial);
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        name="sensitive"
        value="true"
        checked={implied || own}
        disabled={implied}
        onChange={(e) => setOwn(e.target.checked)}
        className="mt-0.5 size-4 rounded border-slate-300 text-brand-600 disabled:opacity-60"
      />
      <span>
        {label}
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

/**
 * The server's question before a change that asks customers to consent again (PIPL Art. 14):
 * how many, and a box to tick; saving again with it ticked makes the change.
 */
function ReconsentConfirmation({ message }: { message: string }) {
  const t = useTranslations("purposes");
  return (
    <div className="rounded-md bg-amber-50 px-4 py-3 ring-1 ring-amber-200">
      <p id="confirmReconsent-error" role="alert" className="text-sm font-medium text-amber-900">
        {message}
      </p>
      <p className="mt-1 text-sm text-amber-800">{t("form.reconsentBody")}</p>
      <label className="mt-3 flex items-start gap-2 text-sm font-medium text-amber-900">
        <input
          type="checkbox"
          name="confirmReconsent"
          value="true"
          className="mt-0.5 size-4 rounded border-amber-400 text-brand-600"
        />
        {t("form.reconsentConfirm")}
      </label>
    </div>
  );
}
