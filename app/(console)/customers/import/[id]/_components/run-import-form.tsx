"use client";

import { ConfirmForm } from "@/components/ui/confirm-form";
import { runImportAction } from "../actions";

type Labels = {
  trigger: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  pending: string;
};

/** "Run import", after a confirmation naming how many rows will be imported and skipped. */
export function RunImportForm({
  fields,
  disabled,
  labels,
}: {
  fields: Record<string, string>;
  disabled: boolean;
  labels: Labels;
}) {
  return (
    <ConfirmForm
      action={runImportAction}
      fields={fields}
      variant="primary"
      disabled={disabled}
      labels={labels}
    />
  );
}
