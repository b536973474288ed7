"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/core/actions/state";
import type { CheckpointVerdict } from "@/lib/core/audit/checkpoint-verify";
import { verifyCheckpointAction } from "../actions";

/** An auditor pastes a downloaded checkpoint and learns whether the log still matches it. */
export function VerifyCheckpointForm() {
  const t = useTranslations("audit");
  const [state, formAction] = useActionState(verifyCheckpointAction, idle);
  const result =
    state.status === "ok"
      ? (state as ActionState<{ verdict: CheckpointVerdict; checkpoint: string }>)
      : undefined;
  const verdict = result?.status === "ok" ? result.data?.verdict : undefined;
  const typed =
    state.status === "error"
      ? state.values?.checkpoint
      : result?.status === "ok"
        ? result.data?.checkpoint
        : undefined;
  return (
    <form action={formAction} className="space-y-3 [&_textarea]:font-mono [&_textarea]:text-xs">
      <TextAreaField
        name="checkpoint"
        label={t("verifyCheckpoint.label")}
        hint={t("verifyCheckpoint.hint")}
        required
        rows={8}
        spellCheck={false}
        defaultValue={typeof typed === "string" ? typed : ""}
        error={state.status === "error" ? state.fieldErrors?.checkpoint : undefined}
      />
      <SubmitButton pendingLabel={t("verifyCheckpoint.submitting")}>
        {t("verifyCheckpoint.submit")}
      </SubmitButton>
      <FormMessage state={state.status === "error" ? state : idle} />
      <div aria-live="polite" data-testid="checkpoint-verdict">
        {verdict &&
          (verdict.ok ? (
            <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
              {t("verifyCheckpoint.valid", { seq: verdict.payload.seq })}
            </p>
          ) : (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
            >
              {t(`verifyCheckpoint.reasons.${verdict.reason}`, {
                seq: "brokenAt" in verdict ? verdict.brokenAt : (verdict.payload?.seq ?? 0),
              })}
            </p>
          ))}
      </div>
    </form>
  );
}
