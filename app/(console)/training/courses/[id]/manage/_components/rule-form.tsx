"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** A new assignment rule: who (everyone, a role, a department), when it is due, whether yearly. */
export function RuleForm({
  action,
  courseId,
  roles,
  departments,
}: {
  action: ServerAction;
  courseId: string;
  roles: Array<{ value: string; label: string }>;
  departments: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  const field = (name: string, fallback = "") => ({
    name,
    id: `rule-${name}`,
    label: t(`ruleForm.${name}`),
    defaultValue: fieldValue(state, name, fallback),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-3" data-testid="rule-form">
      <input type="hidden" name="courseId" value={courseId} />
      <div className="grid gap-3 md:grid-cols-4">
        <SelectField
          {...field("scope", "everyone")}
          options={["everyone", "role", "department"].map((s) => ({
            value: s,
            label: t(`scope.${s}`),
          }))}
        />
        <SelectField
          {...field("role")}
          options={[{ value: "", label: t("ruleForm.none") }, ...roles]}
          hint={t("ruleForm.roleHint")}
        />
        <SelectField
          {...field("departmentId")}
          options={[
            { value: "", label: t("ruleForm.none") },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
          hint={t("ruleForm.departmentHint")}
        />
        <TextField {...field("dueDays", "30")} type="number" min={1} max={365} required />
      </div>
      <div className="flex flex-wrap gap-6">
        <CheckboxField
          name="joinersOnly"
          label={t("ruleForm.joinersOnly")}
          hint={t("ruleForm.joinersHint")}
        />
        <CheckboxField
          name="recurYearly"
          label={t("ruleForm.recurYearly")}
          hint={t("ruleForm.recurHint")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("ruleForm.add")}</SubmitButton>
    </form>
  );
}
