import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { CustomerLaw } from "@/db/schema/customers";
import { pendingChallenge } from "@/lib/portal/cookies";
import { RequestCodeForm } from "../../_components/request-code-form";
import { VerifyCodeForm } from "../../_components/verify-code-form";
import {
  requestGuardianCodeAction,
  restartGuardianAction,
  verifyGuardianCodeAction,
} from "../actions";

/**
 * PIPL Art. 31 (under 14), GDPR Art. 8 (under the organisation's age), CCPA §1798.120(c) (under
 * 13): only a parent or guardian consents, and the step says why in each of those laws' terms. Until the guardian
 * has proved their phone or email with a code, this step says so and asks for it; once they have,
 * it says that the choices made now are recorded as the guardian's.
 */
export async function GuardianStep({
  org,
  laws,
  verified,
}: {
  org: string;
  /** The customer's laws that ask a guardian's consent at their age (guardianLaws). */
  laws: CustomerLaw[];
  verified: boolean;
}) {
  const t = await getTranslations("portal.guardian");
  if (verified) {
    return (
      <Notice tone="success">
        <span data-testid="guardian-verified">{t("verified")}</span>
      </Notice>
    );
  }
  const challenge = await pendingChallenge("guardian");
  return (
    <section
      aria-labelledby="guardian"
      className="space-y-3 rounded-lg bg-white p-6 shadow-xs ring-1 ring-amber-300"
      data-testid="guardian-step"
    >
      <h2 id="guardian" className="text-base font-semibold text-slate-900">
        {t(challenge ? "verify.heading" : "request.heading")}
      </h2>
      {laws.map((law) => (
        <p key={law} className="max-w-2xl text-sm text-slate-700">
          {t(`why.${law}`)}
        </p>
      ))}
      {challenge ? (
        <>
          <Notice>{t("verify.sent")}</Notice>
          <VerifyCodeForm
            org={org}
            purpose="preferences"
            verify={verifyGuardianCodeAction}
            again={restartGuardianAction}
            texts="portal.guardian.verify"
          />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("request.body")}</p>
          <RequestCodeForm
            org={org}
            purpose="preferences"
            action={requestGuardianCodeAction}
            texts="portal.guardian.request"
          />
        </>
      )}
    </section>
  );
}
