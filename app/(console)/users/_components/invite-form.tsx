"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { Notice } from "@/components/ui/notice";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { invite } from "../invite/actions";
import { InviteSent } from "./invite-sent";

export interface Option {
  value: string;
  label: string;
}

export function InviteForm({
  roleOptions,
  departmentOptions,
  onAgain,
}: {
  roleOptions: Option[];
  departmentOptions: Option[];
  onAgain: () => void;
}) {
  const t = useTranslations("users.invite");
  const [state, formAction] = useActionState(invite, idle);
  if (state.status === "ok") return <InviteSent message={state.message} onAgain={onAgain} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Notice tone="info">{t("emailNotice")}</Notice>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="name"
          label={t("name")}
          required
          autoComplete="off"
          maxLength={100}
          defaultValue={fieldValue(state, "name")}
          error={fieldError(state, "name")}
        />
        <TextField
          name="email"
          type="email"
          label={t("email")}
          required
          autoComplete="off"
          maxLength={320}
          defaultValue={fieldValue(state, "email")}
          error={fieldError(state, "email")}
        />
        <SelectField
          name="role"
          label={t("role")}
          required
          options={roleOptions}
          defaultValue={fieldValue(state, "role", "employee")}
          error={fieldError(state, "role")}
          hint={t("roleHint")}
        />
        <SelectField
          name="departmentId"
          label={t("department")}
          options={departmentOptions}
          defaultValue={fieldValue(state, "departmentId", "")}
          error={fieldError(state, "departmentId")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
