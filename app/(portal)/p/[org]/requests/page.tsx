import { localized } from "@/lib/core/i18n/localized-text";
import { getTranslations } from "next-intl/server";
import { withTenant } from "@/db/tenant";
import { portalRequestTypes, rectifiableFields } from "@/lib/requests/requester/schemas";
import type { RequestType } from "@/db/schema";
import { lawsOfCustomer, typesExplainedPerLaw } from "@/lib/requests/requester/laws";
import { lawsOffering } from "@/lib/requests/request-types";
import { requestTypesOffered } from "@/lib/requests/requester/types-offered";
import { requestsOfRequester } from "@/lib/requests/requester/relink";
import { withdrawableFor } from "@/lib/requests/requester/submit";
import { IdentitySteps } from "../_components/identity-steps";
import { openPortalPage, PortalHeader } from "../_components/portal-page";
import { SignOutForm } from "../_components/sign-out-form";
import { MyRequests } from "./_components/my-requests";
import { RequestForm } from "./_components/request-form";

export async function generateMetadata() {
  return { title: (await getTranslations("portalRequests"))("title") };
}

function Step({
  title,
  children,
  aside,
}: {
  title: string;
  children: React.ReactNode;
  aside?: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby="step"
      className="space-y-3 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="step" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/**
 * The public request portal: prove who you are with a one-time code (purpose "requests"), then
 * choose what you ask for, add its details, and get a tracking link shown once. Below, the
 * visitor's earlier requests, each with a new tracking link for one whose link was lost.
 */
export default async function RequestsPortalPage({ params }: { params: Promise<{ org: string }> }) {
  const [{ slug, org, locale, orgName, session }, t] = await Promise.all([
    openPortalPage(params, "requests"),
    getTranslations("portalRequests"),
  ]);
  const types = portalRequestTypes.map((type) => ({
    value: type,
    label: t(`types.${type}.label`),
    body: t(`types.${type}.body`),
  }));
  const header = <PortalHeader publisher={orgName} title={t("title")} intro={t("intro")} />;

  if (!session) {
    return (
      <div className="space-y-6">
        {header}
        <IdentitySteps org={slug} purpose="requests" />
        <section aria-labelledby="types" className="space-y-2">
          <h2 id="types" className="text-lg font-semibold text-slate-900">
            {t("typesHeading")}
          </h2>
          <dl className="grid gap-3 sm:grid-cols-2">
            {types.map((type) => (
              <div key={type.value} className="rounded-md bg-white p-3 ring-1 ring-slate-200">
                <dt className="text-sm font-medium text-slate-900">{type.label}</dt>
                <dd className="mt-0.5 text-xs text-slate-600">{type.body}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    );
  }

  const mine = await requestsOfRequester(org.id, session.customerId);
  const [purposes, offered, laws] = await withTenant(
    org.id,
    async (tx) =>
      [
        await withdrawableFor(tx, org.id, session.customerId),
        await requestTypesOffered(tx, org.id, session.customerId),
        await lawsOfCustomer(tx, org.id, session.customerId),
      ] as const,
  );
  // Restriction and objection in the words of the customer's laws that give them: a PIPL customer
  // reads PIPL Art. 44, never "our legitimate interests", which PIPL does not have.
  const explained = (type: RequestType) => {
    const giving = lawsOffering(type, laws);
    return giving.length === 1
      ? t(`types.${type}.laws.${giving[0]}`)
      : giving.map((law) => `${t(`lawNames.${law}`)}: ${t(`types.${type}.laws.${law}`)}`).join(" ");
  };
  const typesForCustomer = types
    .filter((type) => offered.includes(type.value))
    .map((type) =>
      typesExplainedPerLaw.has(type.value) ? { ...type, body: explained(type.value) } : type,
    );
  const fields = rectifiableFields.map((field) => ({
    value: field,
    label: t(`form.fields.${field}`),
  }));
  return (
    <div className="space-y-6">
      {header}
      <Step title={t("form.heading")} aside={<SignOutForm org={slug} purpose="requests" />}>
        <p className="text-sm text-slate-600">{t("form.intro")}</p>
        <RequestForm
          org={slug}
          types={typesForCustomer}
          fields={fields}
          purposes={purposes.map((p) => ({
            id: p.id,
            name: localized(p.name, locale) || p.code,
          }))}
        />
        <p className="text-xs text-slate-500">{t("form.signedIn")}</p>
      </Step>
      <MyRequests org={slug} rows={mine} />
    </div>
  );
}
