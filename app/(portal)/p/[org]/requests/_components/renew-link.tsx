"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/core/actions/state";
import { renewTrackingLinkAction, type RenewedLink } from "../actions";

/** "New tracking link" for one request: the old link stops working, the new one is shown once. */
export function RenewLink({
  org,
  requestId,
  reference,
}: {
  org: string;
  requestId: string;
  reference: string;
}) {
  const t = useTranslations("portalRequests.mine");
  const [state, formAction] = useActionState<ActionState<RenewedLink>, FormData>(
    renewTrackingLinkAction,
    idle as ActionState<RenewedLink>,
  );
  if (state.status === "ok" && state.data) {
    const link = `${window.location.origin}/p/${encodeURIComponent(org)}/requests/track#${state.data.token}`;
    return (
      <div className="space-y-1" data-testid="renewed-link">
        <p className="text-xs text-slate-600">{t("renewed")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            className="block max-w-full break-all rounded bg-slate-100 px-2 py-1 text-xs text-slate-800"
            data-testid="tracking-link"
          >
            {link}
          </code>
          <CopyButton text={link} label={t("copy")} copiedLabel={t("copied")} />
          <a
            href={link}
            target="_blank"
            rel="noreferrer"
            className="text-sm font-medium text-brand-700 underline"
          >
            {t("open")}
          </a>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" pendingLabel={t("pending")}>
        {t("renew")}
        <span className="sr-only"> {reference}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
