"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { NoticeTexts } from "@/db/schema/incidents";
import { idle } from "@/lib/core/actions/state";
import { noticeField, noticeParts } from "@/lib/incidents/notices/schemas";
import { messageLocales } from "@/lib/outbox/templates";
import { saveNoticeDraftAction } from "../actions";

/** The officer's words in both languages; the headings, kinds of information and scam warning are the template's. */
export function NoticeForm({
  incidentId,
  texts,
}: {
  incidentId: string;
  texts: Record<string, NoticeTexts>;
}) {
  const t = useTranslations("incidentAffected.notice");
  const [state, formAction] = useActionState(saveNoticeDraftAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="notice-form">
      <input type="hidden" name="id" value={incidentId} />
      <div className="grid gap-6 lg:grid-cols-2">
        {messageLocales.map((locale) => (
          <fieldset key={locale} className="space-y-3" lang={locale}>
            <legend className="text-sm font-semibold text-slate-800">
              {t(`language.${locale}`)}
            </legend>
            {noticeParts.map((part) => {
              const name = noticeField(part, locale);
              return (
                <TextAreaField
                  key={name}
                  id={name}
                  name={name}
                  label={`${t(`parts.${part}`)} · ${t(`language.${locale}`)}`}
                  required
                  maxLength={2000}
                  error={fieldError(state, name)}
                  defaultValue={fieldValue(state, name, texts[locale]?.[part] ?? "")}
                />
              );
            })}
          </fieldset>
        ))}
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
