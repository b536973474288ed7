"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-state";
import { acknowledgementChannels } from "@/lib/requests/options";
import { acknowledgeRequestAction } from "../actions";
import { ActionForm } from "./action-form";

/** For a requester no notice can reach: staff acknowledge receipt by other means and record how. */
export function AcknowledgeForm({ id, acknowledgeBy }: { id: string; acknowledgeBy: string }) {
  const t = useTranslations("requests");
  return (
    <section
      className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200"
      data-testid="acknowledge-by-other-means"
    >
      <h3 className="text-sm font-semibold text-slate-900">{t("actions.acknowledge")}</h3>
      <p className="text-sm text-slate-700">
        {t("actions.acknowledgeBody", { date: acknowledgeBy })}
      </p>
      <ActionForm
        action={acknowledgeRequestAction}
        id={id}
        submit={t("actions.acknowledgeSubmit")}
        pending={t("actions.pending")}
        variant="secondary"
      >
        {(state) => (
          <SelectField
            name="channel"
            label={t("fields.acknowledgementChannel")}
            required
            error={fieldError(state, "channel")}
            options={acknowledgementChannels.map((c) => ({
              value: c,
              label: t(`ackChannel.${c}`),
            }))}
          />
        )}
      </ActionForm>
    </section>
  );
}
