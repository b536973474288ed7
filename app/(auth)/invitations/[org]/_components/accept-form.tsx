"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { acceptInvitationAction } from "../actions";

/** The invited account, signed in, says yes; it then lands in the organisation. */
export function AcceptForm({ org, token }: { org: string; token: string }) {
  const t = useTranslations("invitation");
  const router = useRouter();
  const [state, formAction] = useActionState(acceptInvitationAction, idle);
  useEffect(() => {
    if (state.status !== "ok") return;
    router.replace("/");
    router.refresh();
  }, [state, router]);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">{t("acceptBody")}</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("accepting")}>{t("accept")}</SubmitButton>
    </form>
  );
}
