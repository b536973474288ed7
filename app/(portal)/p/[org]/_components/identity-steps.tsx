import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { pendingChallenge } from "@/lib/portal/cookies";
import type { PortalPurpose } from "@/lib/portal/session";
import { RequestCodeForm } from "./request-code-form";
import { VerifyCodeForm } from "./verify-code-form";

/** Before a portal session: ask for a code, or (a challenge pending) enter it. */
export async function IdentitySteps({ org, purpose }: { org: string; purpose: PortalPurpose }) {
  const t = await getTranslations("portal.identity");
  const challenge = await pendingChallenge(purpose);
  return (
    <section
      aria-labelledby="step"
      className="space-y-3 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200"
    >
      <h2 id="step" className="text-base font-semibold text-slate-900">
        {t(challenge ? "verify.heading" : "request.heading")}
      </h2>
      {challenge ? (
        <>
          <Notice>{t("verify.sent")}</Notice>
          <VerifyCodeForm org={org} purpose={purpose} />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("request.body")}</p>
          <RequestCodeForm org={org} purpose={purpose} />
        </>
      )}
    </section>
  );
}
