"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { Notice } from "@/components/ui/notice";
import { idle, type ActionState } from "@/lib/core/actions/state";
import type { PortalSubmission } from "@/lib/requests/requester/submit";
import { submitRequestAction } from "../actions";

export interface TypeOption {
  value: string;
  label: string;
  body: string;
}
export interface PurposeOption {
  id: string;
  name: string;
}

/** Shown once after submitting: the reference and the tracking link (its token lives only in the fragment). */
function Submitted({ org, result }: { org: string; result: PortalSubmission }) {
  const t = useTranslations("portalRequests.done");
  const link = `${window.location.origin}/p/${encodeURIComponent(org)}/requests/track#${result.token}`;
  return (
    <section
      aria-labelledby="done"
      className="space-y-4 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200"
      data-testid="request-submitted"
    >
      <h2 id="done" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="text-sm font-medium text-slate-900" data-testid="request-reference">
        {t("reference", { reference: result.reference })}
      </p>
      {result.duplicateOfReference && (
        <Notice tone="warning">
          <span data-testid="request-duplicate">
            {t("duplicate", { reference: result.duplicateOfReference })}
          </span>
        </Notice>
      )}
      <p className="text-sm text-slate-600">{t("body")}</p>
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">{t("linkLabel")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            className="block max-w-full break-all rounded bg-slate-100 px-2 py-1 text-xs text-slate-800"
            data-testid="tracking-link"
          >
            {link}
          </code>
          <CopyButton text={link} label={t("copy")} copiedLabel={t("copied")} />
        </div>
      </div>
      <div className="flex flex-wrap gap-4 text-sm">
        <a
          href={link}
          target="_blank"
          rel="noreferrer"
          className="font-medium text-brand-700 underline"
        >
          {t("open")}
        </a>
        <a
          href={`/p/${encodeURIComponent(org)}/requests`}
          className="font-medium text-brand-700 underline"
        >
          {t("another")}
        </a>
      </div>
    </section>
  );
}

/** Step 3: the type (each explained), its details, an optional message. */
export function RequestForm({
  org,
  types,
  purposes,
  fields,
}: {
  org: string;
  types: TypeOption[];
  purposes: PurposeOption[];
  fields: Array<{ value: string; label: string }>;
}) {
  const t = useTranslations("portalRequests.form");
  const [state, formAction, pending] = useActionState<ActionState<PortalSubmission>, FormData>(
    submitRequestAction,
    idle as ActionState<PortalSubmission>,
  );
  const [type, setType] = useState(fieldValue(state, "type", "") ?? "");
  const [chosenFields, setChosenFields] = useState<string[]>(fieldValues(state, "fields", []));
  if (state.status === "ok" && state.data) return <Submitted org={org} result={state.data} />;
  const chosenPurposes = fieldValues(state, "purposeIds", []);
  return (
    // Submitted by hand, not through `action`: React resets a form after an action, which would
    // untick the chosen type and fields (controlled here) while the state still shows them.
    <form
      className="space-y-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="org" value={org} />
      <fieldset
        className="space-y-2"
        aria-describedby={fieldError(state, "type") ? "type-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-700">
          {t("typeLegend")}
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {types.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-600"
            >
              <input
                type="radio"
                name="type"
                value={o.value}
                checked={type === o.value}
                onChange={() => setType(o.value)}
                className="mt-0.5 size-4 border-slate-300 text-brand-600"
              />
              <span className="space-y-0.5">
                <span className="block text-sm font-medium text-slate-900">{o.label}</span>
                <span className="block text-xs text-slate-600">{o.body}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="type-error" className="text-xs text-red-600" aria-live="polite">
          {fieldError(state, "type")}
        </p>
      </fieldset>

      {type === "withdraw_consent" && (
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-slate-700">{t("purposesLegend")}</legend>
          {purposes.length === 0 ? (
            <p className="text-sm text-slate-600">{t("purposesEmpty")}</p>
          ) : (
            <>
              <p className="text-xs text-slate-500">{t("purposesHint")}</p>
              {purposes.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="purposeIds"
                    value={p.id}
                    defaultChecked={chosenPurposes.includes(p.id)}
                    className="size-4 rounded border-slate-300 text-brand-600"
                  />
                  {p.name}
                </label>
              ))}
            </>
          )}
          <p className="text-xs text-red-600" aria-live="polite">
            {fieldError(state, "purposeIds")}
          </p>
        </fieldset>
      )}

      {type === "rectification" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("fieldsLegend")}</legend>
          <p className="text-xs text-slate-500">{t("fieldsHint")}</p>
          {fields.map((f) => {
            const on = chosenFields.includes(f.value);
            return (
              <div key={f.value} className="space-y-1">
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="fields"
                    value={f.value}
                    checked={on}
                    className="size-4 rounded border-slate-300 text-brand-600"
                    onChange={() =>
                      setChosenFields(
                        on ? chosenFields.filter((x) => x !== f.value) : [...chosenFields, f.value],
                      )
                    }
                  />
                  {f.label}
                </label>
                {on && (
                  <div className="pl-6">
                    <TextField
                      name={`correct_${f.value}`}
                      label={t("correctedValue", { field: f.label })}
                      autoComplete="off"
                      maxLength={500}
                      defaultValue={fieldValue(state, `correct_${f.value}`)}
                      error={fieldError(state, `correct_${f.value}`)}
                      required
                    />
                  </div>
                )}
              </div>
            );
          })}
          <p className="text-xs text-red-600" aria-live="polite">
            {fieldError(state, "corrections")}
          </p>
        </fieldset>
      )}

      {type && (
        <TextAreaField
          name="message"
          label={type === "question" ? t("messageRequired") : t("message")}
          hint={t("messageHint")}
          maxLength={2000}
          rows={4}
          defaultValue={fieldValue(state, "message")}
          error={fieldError(state, "message")}
          required={type === "question"}
        />
      )}
      <FormMessage state={formOutcome(state)} />
      <Button type="submit" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
