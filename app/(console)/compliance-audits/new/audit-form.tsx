"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { auditKinds } from "@/db/schema/compliance-audits";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

type Option = { value: string; label: string };

/** A new audit: scope, the laws whose requirements are its criteria, the auditor and the planned dates. */
export function AuditForm({
  action,
  members,
  vendors,
  laws,
  today,
}: {
  action: ServerAction;
  members: Option[];
  vendors: Option[];
  laws: Option[];
  today: string;
}) {
  const t = useTranslations("complianceAudits");
  const [state, formAction] = useActionState(action, idle);
  const choose = { value: "", label: t("choose") };
  return (
    <form
      action={formAction}
      className="space-y-4 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <TextField
        name="title"
        label={t("fields.title")}
        required
        maxLength={200}
        defaultValue={fieldValue(state, "title")}
        error={fieldError(state, "title")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("fields.kind")}
          required
          defaultValue={fieldValue(state, "kind", "routine")}
          error={fieldError(state, "kind")}
          options={auditKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <TextField
          name="regulatorOrder"
          label={t("fields.regulatorOrder")}
          hint={t("fields.regulatorOrderHint")}
          maxLength={500}
          defaultValue={fieldValue(state, "regulatorOrder")}
          error={fieldError(state, "regulatorOrder")}
        />
      </div>
      <TextAreaField
        name="scope"
        label={t("fields.scope")}
        required
        maxLength={2000}
        defaultValue={fieldValue(state, "scope")}
        error={fieldError(state, "scope")}
      />
      <CheckboxGroup
        name="laws"
        label={t("fields.criteria")}
        options={laws}
        defaultValue={fieldValues(state, "laws", ["PIPL"])}
        error={fieldError(state, "laws")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="auditorType"
          label={t("fields.auditorType")}
          required
          defaultValue={fieldValue(state, "auditorType", "internal")}
          error={fieldError(state, "auditorType")}
          options={[
            { value: "internal", label: t("auditorTypes.internal") },
            { value: "vendor", label: t("auditorTypes.vendor") },
          ]}
        />
        <SelectField
          name="auditorUserId"
          label={t("fields.auditorUser")}
          hint={t("fields.auditorUserHint")}
          defaultValue={fieldValue(state, "auditorUserId", "")}
          error={fieldError(state, "auditorUserId")}
          options={[choose, ...members]}
        />
        <SelectField
          name="auditorVendorId"
          label={t("fields.auditorVendor")}
          hint={t("fields.auditorVendorHint")}
          defaultValue={fieldValue(state, "auditorVendorId", "")}
          error={fieldError(state, "auditorVendorId")}
          options={[choose, ...vendors]}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="plannedStart"
          type="date"
          label={t("fields.plannedStart")}
          required
          defaultValue={fieldValue(state, "plannedStart", today)}
          error={fieldError(state, "plannedStart")}
        />
        <TextField
          name="plannedEnd"
          type="date"
          label={t("fields.plannedEnd")}
          required
          defaultValue={fieldValue(state, "plannedEnd")}
          error={fieldError(state, "plannedEnd")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("create")}</SubmitButton>
    </form>
  );
}
