"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { CheckboxGroup, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { createApiKeyAction } from "../actions";
import { ShownToken, type CreatedKey } from "./shown-token";

function CreateKeyForm({ scopes, onAgain }: { scopes: readonly string[]; onAgain: () => void }) {
  const t = useTranslations("api");
  const [state, formAction] = useActionState(createApiKeyAction, idle);
  if (state.status === "ok")
    return (
      <ShownToken created={state.data as CreatedKey} message={state.message} onDone={onAgain} />
    );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        name="name"
        label={t("fields.name")}
        hint={t("fields.nameHint")}
        required
        autoComplete="off"
        maxLength={100}
        defaultValue={fieldValue(state, "name")}
        error={fieldError(state, "name")}
      />
      <CheckboxGroup
        name="scopes"
        label={t("fields.scopes")}
        options={scopes.map((s) => ({
          value: s,
          label: `${s} — ${t(`scopes.${s.replace(":", "_")}` as never)}`,
        }))}
        defaultValue={fieldValues(state, "scopes", [])}
        error={fieldError(state, "scopes")}
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("create.pending")}>{t("create.submit")}</SubmitButton>
    </form>
  );
}

/** Remounting the form (new key) forgets the shown token and starts a fresh one. */
export function CreateKeyFlow({ scopes }: { scopes: readonly string[] }) {
  const [round, setRound] = useState(0);
  return <CreateKeyForm key={round} scopes={scopes} onAgain={() => setRound((r) => r + 1)} />;
}
