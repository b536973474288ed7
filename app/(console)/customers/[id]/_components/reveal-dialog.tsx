"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { idle, type ActionState } from "@/lib/core/actions/state";
import { REVEAL_NOTE_MAX, revealReasons, type RevealTarget } from "@/lib/customers/reveal-options";
import { revealAction } from "../actions";

export interface RevealRequest {
  field: RevealTarget;
  accountId?: string;
  /** What is revealed, as the dialog's title names it ("phone", "Alipay account"). */
  label: string;
}

interface Props {
  dialog: RefObject<HTMLDialogElement | null>;
  customerId: string;
  request: RevealRequest | null;
  /** Changes on every opening, so each starts with an empty form. */
  openCount: number;
  limit: number;
  onRevealed: (value: string | null) => void;
}

/** The page's one reveal dialog (native modal: focus moves in, Escape closes, the page is inert). */
export function RevealDialog({ dialog, customerId, request, openCount, limit, onRevealed }: Props) {
  const titleId = useId();
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      {request && (
        <RevealForm
          key={openCount}
          titleId={titleId}
          customerId={customerId}
          request={request}
          limit={limit}
          close={() => dialog.current?.close()}
          onRevealed={onRevealed}
        />
      )}
    </dialog>
  );
}

interface FormProps {
  titleId: string;
  customerId: string;
  request: RevealRequest;
  limit: number;
  close: () => void;
  onRevealed: (value: string | null) => void;
}

/**
 * Asks why before anything is decrypted: a reason, and a note for "other" (the server checks both
 * again). A refusal stays in the dialog; a value closes it and goes to the caller, never into
 * state the form keeps.
 */
function RevealForm({ titleId, customerId, request, limit, close, onRevealed }: FormProps) {
  const t = useTranslations("customers");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState(
    async (previous: ActionState, formData: FormData): Promise<ActionState> => {
      const result = await revealAction(previous, formData);
      if (result.status !== "ok") return result;
      onRevealed((result.data as { value: string | null }).value);
      close();
      return idle;
    },
    idle,
  );

  // The server marks the refusals that need their own explanation (revealRefusals).
  const refusal =
    state.status === "error" && state.fieldErrors?.throttled
      ? t("reveal.throttled", { limit })
      : state.status === "error" && state.fieldErrors?.erased
        ? t("reveal.erased")
        : undefined;
  const outcome: ActionState = refusal ? { status: "error", message: refusal } : formOutcome(state);

  return (
    <form action={action} noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="field" value={request.field} />
      {request.accountId && <input type="hidden" name="accountId" value={request.accountId} />}
      <div className="space-y-4 p-5">
        <div>
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {t("reveal.title", { field: request.label })}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("reveal.body")}</p>
        </div>
        <SelectField
          name="reason"
          label={t("reveal.reason")}
          required
          defaultValue=""
          error={fieldError(state, "reason")}
          options={[
            { value: "", label: t("reveal.choose") },
            ...revealReasons.map((r) => ({ value: r, label: t(`reveal.reasons.${r}`) })),
          ]}
        />
        <TextAreaField
          name="note"
          label={t("reveal.note")}
          hint={t("reveal.noteHint")}
          maxLength={REVEAL_NOTE_MAX}
          error={fieldError(state, "note")}
        />
        <FormMessage state={outcome} />
      </div>
      <div className="flex justify-end gap-2 rounded-b-lg bg-slate-50 px-5 py-3">
        <Button variant="secondary" onClick={close}>
          {common("cancel")}
        </Button>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("reveal.pending") : t("reveal.confirm")}
        </Button>
      </div>
    </form>
  );
}
