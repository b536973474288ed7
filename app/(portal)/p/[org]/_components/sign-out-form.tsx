"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { PortalPurpose } from "@/lib/portal/session";
import { signOutAction } from "../identity/actions";

/** Ends the portal session of this purpose. */
export function SignOutForm({ org, purpose }: { org: string; purpose: PortalPurpose }) {
  const t = useTranslations("portal.identity");
  const [, formAction] = useActionState(signOutAction, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="purpose" value={purpose} />
      <SubmitButton variant="secondary" pendingLabel={t("signOut")}>
        {t("signOut")}
      </SubmitButton>
    </form>
  );
}
