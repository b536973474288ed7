"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { assessmentKinds } from "@/db/schema/security-tests";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export function AssessmentForm({
  action,
  vendors,
  today,
}: {
  action: ServerAction;
  vendors: Array<{ id: string; name: string }>;
  today: string;
}) {
  const t = useTranslations("securityTests");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  return (
    <form ref={form} action={formAction} className="space-y-4">
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="kind"
            label={t("assessment.kind")}
            required
            defaultValue={fieldValue(state, "kind", "penetration_test")}
            error={fieldError(state, "kind")}
            options={assessmentKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <SelectField
            name="testerVendorId"
            label={t("assessment.tester")}
            required
            defaultValue={fieldValue(state, "testerVendorId", "")}
            error={fieldError(state, "testerVendorId")}
            hint={t("assessment.testerHint")}
            options={[
              { value: "", label: t("choose") },
              ...vendors.map((v) => ({ value: v.id, label: v.name })),
            ]}
          />
          <div className="sm:col-span-2">
            <TextField
              name="title"
              label={t("assessment.title")}
              required
              maxLength={200}
              defaultValue={fieldValue(state, "title")}
              error={fieldError(state, "title")}
            />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField
              name="scope"
              label={t("assessment.scope")}
              required
              maxLength={2000}
              hint={t("assessment.scopeHint")}
              defaultValue={fieldValue(state, "scope")}
              error={fieldError(state, "scope")}
            />
          </div>
          <TextField
            name="startedOn"
            type="date"
            label={t("assessment.startedOn")}
            required
            defaultValue={fieldValue(state, "startedOn", today)}
            error={fieldError(state, "startedOn")}
          />
          <TextField
            name="endedOn"
            type="date"
            label={t("assessment.endedOn")}
            defaultValue={fieldValue(state, "endedOn")}
            error={fieldError(state, "endedOn")}
          />
        </div>
      </Card>
      <FormMessage state={formOutcome(state)} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("saving")}>{t("createAssessment")}</SubmitButton>
        <Link href="/security-tests" className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
      </div>
    </form>
  );
}
