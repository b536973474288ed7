import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { withTenant } from "@/db/tenant";
import { portalVisit } from "@/lib/portal/cookies";
import { guardianLaws } from "@/lib/portal/guardian";
import { customerPreferences, customerReceipts, honourGpc } from "@/lib/portal/preferences";
import { IdentitySteps } from "../_components/identity-steps";
import { openPortalPage, PortalHeader } from "../_components/portal-page";
import { SignOutForm } from "../_components/sign-out-form";
import { GuardianStep } from "./_components/guardian-step";
import { PurposeCard } from "./_components/purpose-card";
import { ReceiptsTable } from "./_components/receipts-table";

export async function generateMetadata() {
  return { title: (await getTranslations("portal.preferences"))("title") };
}

/**
 * The customer's preference center: prove who you are with a one-time code, then see every
 * purpose of their law in plain language and change it with one click. A `Sec-GPC: 1` request
 * from a verified customer under CCPA is recorded as an opt-out of every sale or sharing.
 */
export default async function PreferencesPage({ params }: { params: Promise<{ org: string }> }) {
  const [{ slug, org, locale, orgName, session }, t] = await Promise.all([
    openPortalPage(params, "preferences"),
    getTranslations("portal.preferences"),
  ]);
  const header = (
    <PortalHeader
      publisher={t("publishedBy", { org: orgName })}
      title={t("title")}
      intro={t("intro")}
    />
  );

  if (!session) {
    return (
      <div className="space-y-6">
        {header}
        <IdentitySteps org={slug} purpose="preferences" />
      </div>
    );
  }

  const visit = await portalVisit();
  const { gpc, rows, receipts, guardian } = await withTenant(org.id, async (tx) => {
    const gpc = visit.gpc ? await honourGpc(tx, org.id, session.customerId, visit) : null;
    return {
      gpc,
      rows: await customerPreferences(tx, org.id, session.customerId),
      receipts: await customerReceipts(tx, org.id, session.customerId),
      guardian: await guardianLaws(tx, org.id, session.customerId),
    };
  });
  // PIPL Art. 31, GDPR Art. 8, CCPA §1798.120(c): a child refuses alone, but only a verified guardian grants.
  const minor = guardian.length > 0;
  const guardianPending = minor && !session.guardianChallengeId;

  return (
    <div className="space-y-6">
      {header}
      {gpc?.applies && (
        <Notice tone="success" className="space-x-1">
          <span data-testid="gpc-notice">{t("center.gpc")}</span>
          {gpc.recorded > 0 && <span>{t("center.gpcRecorded", { count: gpc.recorded })}</span>}
        </Notice>
      )}
      {gpc && !gpc.applies && (
        <Notice tone="info">
          <span data-testid="gpc-notice">{t("center.gpcNoEffect")}</span>
        </Notice>
      )}
      {minor && <GuardianStep org={slug} laws={guardian} verified={!guardianPending} />}
      <section aria-labelledby="choices" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="choices" className="text-lg font-semibold text-slate-900">
              {t("center.heading")}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("center.intro")}</p>
          </div>
          <SignOutForm org={slug} purpose="preferences" />
        </div>
        {rows.length === 0 ? (
          <EmptyState title={t("center.empty")} body={t("center.emptyBody")} />
        ) : (
          <ul className="space-y-3">
            {rows.map((row) => (
              <PurposeCard
                key={row.id}
                org={slug}
                row={row}
                locale={locale}
                guardianPending={guardianPending}
              />
            ))}
          </ul>
        )}
        <p className="text-xs text-slate-500">{t("center.signedIn")}</p>
      </section>
      <section aria-labelledby="receipts" className="space-y-2">
        <h2 id="receipts" className="text-lg font-semibold text-slate-900">
          {t("receipts.heading")}
        </h2>
        <p className="text-sm text-slate-600">{t("receipts.intro")}</p>
        <ReceiptsTable receipts={receipts} locale={locale} timeZone={org.timeZone} />
      </section>
    </div>
  );
}
