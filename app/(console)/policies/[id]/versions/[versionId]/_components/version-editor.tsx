"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Card } from "@/components/ui/card";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { PolicyMarkdown } from "@/lib/policies/markdown-view";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export interface EditorValues {
  id: string;
  contentZh: string;
  contentEn: string;
  summaryZh: string;
  summaryEn: string;
  changeSummary: string;
  materialChange: boolean;
  authoritativeLocale: string;
  effectiveOn: string;
}

/** The draft editor: Markdown per language with a live preview of both, rendered by the public pages' renderer. */
export function VersionEditor({
  action,
  initial,
}: {
  action: ServerAction;
  initial: EditorValues;
}) {
  const t = useTranslations("policies");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  const [zh, setZh] = useState(initial.contentZh);
  const [en, setEn] = useState(initial.contentEn);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form ref={form} action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={initial.id} />
      <Card title={t("editor.heading")}>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            name="effectiveOn"
            type="date"
            label={t("editor.effectiveOn")}
            required
            defaultValue={initial.effectiveOn}
            error={errors.effectiveOn}
          />
          <SelectField
            name="authoritativeLocale"
            label={t("editor.authoritativeLocale")}
            defaultValue={initial.authoritativeLocale}
            options={["zh-CN", "en"].map((l) => ({ value: l, label: t(`locales.${l}`) }))}
          />
          <div className="pt-6">
            <CheckboxField
              name="materialChange"
              label={t("editor.materialChange")}
              hint={t("editor.materialChangeHint")}
              defaultChecked={initial.materialChange}
            />
          </div>
        </div>
        <div className="mt-4 space-y-4">
          <TextAreaField
            name="changeSummary"
            label={t("editor.changeSummary")}
            rows={2}
            defaultValue={initial.changeSummary}
            error={errors.changeSummary}
          />
          <div className="grid gap-4 md:grid-cols-2">
            <TextAreaField
              name="summaryZh"
              label={t("editor.summaryZh")}
              rows={3}
              defaultValue={initial.summaryZh}
              error={errors.summaryZh}
            />
            <TextAreaField
              name="summaryEn"
              label={t("editor.summaryEn")}
              rows={3}
              defaultValue={initial.summaryEn}
              error={errors.summaryEn}
            />
          </div>
          <p className="text-xs text-slate-500">{t("editor.markdownHint")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <TextAreaField
              name="contentZh"
              label={t("editor.contentZh")}
              rows={18}
              value={zh}
              onChange={(e) => setZh(e.target.value)}
              error={errors.contentZh}
            />
            <TextAreaField
              name="contentEn"
              label={t("editor.contentEn")}
              rows={18}
              value={en}
              onChange={(e) => setEn(e.target.value)}
              error={errors.contentEn}
            />
          </div>
        </div>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("editor.previewZh")}>
          <div className="max-h-[32rem] overflow-y-auto" data-testid="preview-zh">
            <PolicyMarkdown source={zh} lang="zh-CN" />
          </div>
        </Card>
        <Card title={t("editor.previewEn")}>
          <div className="max-h-[32rem] overflow-y-auto" data-testid="preview-en">
            <PolicyMarkdown source={en} lang="en" />
          </div>
        </Card>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("editor.saving")}>{t("editor.save")}</SubmitButton>
    </form>
  );
}
