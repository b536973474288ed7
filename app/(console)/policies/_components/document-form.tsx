"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export function DocumentForm({
  action,
  kinds,
}: {
  action: ServerAction;
  kinds: readonly string[];
}) {
  const t = useTranslations("policies");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (name: string) =>
    typeof values[name] === "string" ? (values[name] as string) : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-4">
      <Card>
        <div className="space-y-4">
          <SelectField
            name="kind"
            label={t("fields.kind")}
            required
            defaultValue={value("kind") ?? "privacy_policy"}
            error={errors.kind}
            options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <TextField
            name="slug"
            label={t("fields.slug")}
            hint={t("fields.slugHint")}
            required
            defaultValue={value("slug")}
            error={errors.slug}
          />
          <TextField
            name="titleZh"
            label={t("fields.titleZh")}
            required
            defaultValue={value("titleZh")}
            error={errors.titleZh}
          />
          <TextField
            name="titleEn"
            label={t("fields.titleEn")}
            required
            defaultValue={value("titleEn")}
            error={errors.titleEn}
          />
        </div>
      </Card>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
        <Link href="/policies" className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
      </div>
    </form>
  );
}
