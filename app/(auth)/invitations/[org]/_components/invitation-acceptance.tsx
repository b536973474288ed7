"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatInstant } from "@/lib/core/i18n/format-date";
import { openInvitationAction, type InvitationResult } from "../actions";
import { SignInForm } from "../../../sign-in/sign-in-form";
import { AcceptForm } from "./accept-form";
import { NewAccountForm } from "./new-account-form";

type View = Extract<InvitationResult, { status: "ok" }>["view"];

function Summary({ view }: { view: View }) {
  const t = useTranslations("invitation");
  const common = useTranslations("common");
  const locale = useLocale();
  const until = formatInstant(view.expiresAt, locale, view.organization.timeZone, "date");
  return (
    <div className="mb-5 space-y-2 text-sm text-slate-700">
      <p data-testid="invitation-summary">
        {t("summary", {
          organization: locale === "en" ? view.organization.nameEn : view.organization.nameZh,
          role: common(`roles.${view.role}`),
        })}
      </p>
      <p className="text-slate-500">{t("forAddress", { email: view.email, date: until })}</p>
    </div>
  );
}

/** Reads the token from the fragment, asks the server (POST) and offers the step this person needs. */
export function InvitationAcceptance({ org }: { org: string }) {
  const t = useTranslations("invitation");
  const [token, setToken] = useState("");
  const [result, setResult] = useState<InvitationResult | null>(null);
  const load = useCallback(
    (value: string) => {
      if (!value) return setResult({ status: "invalid" });
      void openInvitationAction(org, value).then(setResult, () => setResult({ status: "failed" }));
    },
    [org],
  );
  useEffect(() => {
    const read = () => {
      const value = decodeURIComponent(window.location.hash.replace(/^#/, "")).trim();
      setToken(value);
      load(value);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [load]);

  if (!result)
    return (
      <p className="text-sm text-slate-500" role="status">
        {t("loading")}
      </p>
    );
  if (result.status === "failed") return <Notice tone="warning">{t("failed")}</Notice>;
  if (result.status === "rateLimited")
    return (
      <Notice tone="warning">
        <span data-testid="invitation-rate-limited">{t("rateLimited")}</span>
      </Notice>
    );
  if (result.status === "invalid") {
    return (
      <div className="space-y-2" data-testid="invitation-invalid">
        <p className="text-sm font-medium text-slate-900">{t("invalid")}</p>
        <p className="text-sm text-slate-600">{t("invalidBody")}</p>
      </div>
    );
  }
  const { view } = result;
  const reload = () => load(token);
  return (
    <>
      <Summary view={view} />
      {view.account === "new" && <NewAccountForm org={org} token={token} name={view.name} />}
      {view.account === "existing" && view.signedIn === "invitee" && (
        <AcceptForm org={org} token={token} />
      )}
      {view.account === "existing" && view.signedIn === "other" && (
        <div className="space-y-3">
          <Notice tone="warning">{t("otherAccount", { email: view.email })}</Notice>
          <Button
            variant="secondary"
            onClick={() => void signOut({ redirect: false }).then(reload)}
          >
            {t("signOut")}
          </Button>
        </div>
      )}
      {view.account === "existing" && view.signedIn === null && (
        <div className="space-y-3">
          <Notice tone="info">{t("signInFirst")}</Notice>
          <SignInForm email={view.email} onSignedIn={reload} />
        </div>
      )}
    </>
  );
}
