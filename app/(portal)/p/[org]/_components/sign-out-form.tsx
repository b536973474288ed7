"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import type { PortalPurpose } from "@/lib/portal/session";
import { signOutAction } from "../identity/actions";

/** Ends the portal session of this purpose. */
export function SignOutForm({ org, purpose }: { org: string; purpose: PortalPurpose }) {
  const t = useTranslations("portal.identity");
  return (
    <ActionButton
      action={signOutAction}
      fields={{ org, purpose }}
      label={t("signOut")}
      pendingLabel={t("signOut")}
      variant="secondary"
    />
  );
}
