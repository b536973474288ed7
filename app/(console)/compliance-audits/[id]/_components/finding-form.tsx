"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { auditFindingSeverities } from "@/db/schema/compliance-audits";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

type Option = { value: string; label: string };

/** A finding: severity, the requirement it is against, the owning department and person, the corrective action and its due day. */
export function AuditFindingForm({
  action,
  auditId,
  requirements,
  departments,
  members,
  today,
}: {
  action: ServerAction;
  auditId: string;
  requirements: Option[];
  departments: Option[];
  members: Option[];
  today: string;
}) {
  const t = useTranslations("complianceAudits");
  const [state, formAction] = useActionState(action, idle);
  const choose = { value: "", label: t("choose") };
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="auditId" value={auditId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField
            name="title"
            label={t("finding.title")}
            required
            maxLength={200}
            defaultValue={fieldValue(state, "title")}
            error={fieldError(state, "title")}
          />
        </div>
        <SelectField
          name="severity"
          label={t("finding.severity")}
          required
          defaultValue={fieldValue(state, "severity", "minor")}
          error={fieldError(state, "severity")}
          options={auditFindingSeverities.map((s) => ({ value: s, label: t(`severities.${s}`) }))}
        />
        <SelectField
          name="requirementKey"
          label={t("finding.requirement")}
          defaultValue={fieldValue(state, "requirementKey", "")}
          error={fieldError(state, "requirementKey")}
          options={[choose, ...requirements]}
        />
        <div className="sm:col-span-2">
          <TextAreaField
            name="description"
            label={t("finding.description")}
            maxLength={4000}
            defaultValue={fieldValue(state, "description")}
            error={fieldError(state, "description")}
          />
        </div>
        <SelectField
          name="ownerDepartmentId"
          label={t("finding.department")}
          required
          defaultValue={fieldValue(state, "ownerDepartmentId", "")}
          error={fieldError(state, "ownerDepartmentId")}
          options={[choose, ...departments]}
        />
        <SelectField
          name="ownerId"
          label={t("finding.owner")}
          hint={t("finding.ownerHint")}
          required
          defaultValue={fieldValue(state, "ownerId", "")}
          error={fieldError(state, "ownerId")}
          options={[choose, ...members]}
        />
        <div className="sm:col-span-2">
          <TextAreaField
            name="correctiveAction"
            label={t("finding.correctiveAction")}
            required
            maxLength={2000}
            defaultValue={fieldValue(state, "correctiveAction")}
            error={fieldError(state, "correctiveAction")}
          />
        </div>
        <TextField
          name="dueOn"
          type="date"
          min={today}
          label={t("finding.dueOn")}
          required
          defaultValue={fieldValue(state, "dueOn")}
          error={fieldError(state, "dueOn")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("finding.add")}</SubmitButton>
    </form>
  );
}
