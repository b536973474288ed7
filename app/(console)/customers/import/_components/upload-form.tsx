"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { uploadImportAction } from "../actions";

/** Choose a CSV file and its encoding; the server checks both again and refuses with a reason. */
export function UploadForm({ maxBytes, hint }: { maxBytes: number; hint: string }) {
  const t = useTranslations("imports.upload");
  const [state, formAction] = useActionState(uploadImportAction, idle);
  const [tooLarge, setTooLarge] = useState(false);
  const [chosen, setChosen] = useState("");
  const error = tooLarge
    ? t("problems.tooLarge")
    : state.status === "error"
      ? (state.fieldErrors?.file ?? undefined)
      : undefined;
  return (
    <form
      action={formAction}
      className="space-y-4"
      onSubmit={(e) => tooLarge && e.preventDefault()}
    >
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <div className="space-y-1">
          <label htmlFor="file" className="block text-sm font-medium text-slate-700">
            {t("file")}
            <span className="ml-0.5 text-red-600" aria-hidden>
              *
            </span>
          </label>
          {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
          <div className="flex items-center gap-3">
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "file-error" : "file-hint"}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                setChosen(file?.name ?? "");
                setTooLarge((file?.size ?? 0) > maxBytes);
              }}
              className="peer sr-only"
            />
            <label
              htmlFor="file"
              aria-hidden
              className="cursor-pointer rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-100 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
            >
              {t("choose")}
            </label>
            <span className="truncate text-sm text-slate-600">{chosen || t("noFile")}</span>
          </div>
          {!error && (
            <p id="file-hint" className="text-xs text-slate-500">
              {hint}
            </p>
          )}
          <p id="file-error" className="text-xs text-red-600" aria-live="polite">
            {error}
          </p>
        </div>
        <SelectField
          name="encoding"
          label={t("encoding")}
          defaultValue="utf-8"
          hint={t("encodingHint")}
          options={[
            { value: "utf-8", label: t("encodings.utf-8") },
            { value: "gb18030", label: t("encodings.gb18030") },
          ]}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("uploading")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
