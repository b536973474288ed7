"use client";

import { useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

interface Props {
  labels: {
    trigger: string;
    title: string;
    body: string;
    confirm: string;
    cancel: string;
    pending: string;
  };
  variant?: ButtonVariant;
  disabled?: boolean;
}

/**
 * Placed inside a <form>: a button that asks first, in a native modal <dialog> (focus moves in,
 * Escape closes, the page behind is inert, focus returns to the trigger). Its confirm button
 * submits the surrounding form; the dialog closes when the submission has been answered.
 */
export function ConfirmDialog({ labels, variant = "danger", disabled }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { pending } = useFormStatus();
  const wasPending = useRef(false);

  useEffect(() => {
    if (wasPending.current && !pending) dialog.current?.close();
    wasPending.current = pending;
  }, [pending]);

  return (
    <>
      <Button variant={variant} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {labels.trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {labels.title}
          </h2>
          <p id={bodyId} className="mt-2 text-sm text-slate-600">
            {labels.body}
          </p>
        </div>
        <div className="flex justify-end gap-2 rounded-b-lg bg-slate-50 px-5 py-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            {labels.cancel}
          </Button>
          <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
            {pending ? labels.pending : labels.confirm}
          </Button>
        </div>
      </dialog>
    </>
  );
}
