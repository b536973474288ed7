import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { getCustomerProfile } from "@/lib/customers/queries";
import { requestsOfCustomer } from "@/lib/requests/queries";
import { revealLimit } from "@/lib/customers/reveal-options";
import {
  customerListings,
  customerOrders,
  customerPaymentAccounts,
  customerVouchers,
  RECORDS_LIMIT,
} from "@/lib/vault/queries";
import { ConsentTimeline } from "./_components/consent-timeline";
import {
  AccountSection,
  PaymentAccountsSection,
  PersonalDataSection,
} from "./_components/profile-sections";
import { RequestsSection } from "./_components/requests-section";
import { RevealProvider } from "./_components/reveal-provider";
import { ListingsSection, OrdersSection, VouchersSection } from "./_components/trade-sections";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("customers.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const profile = await getCustomerProfile(tx, actor.orgId, id);
      if (!profile) return undefined;
      // One transaction client runs one query at a time: sequential awaits, no Promise.all.
      const requests = can(actor.role, "requests.read")
        ? await requestsOfCustomer(tx, actor.orgId, id)
        : null;
      if (profile.status === "erased") return { erased: true as const, profile, requests };
      const vouchers = await customerVouchers(tx, actor.orgId, id);
      const orders = await customerOrders(tx, actor.orgId, id);
      const listings = await customerListings(tx, actor.orgId, id);
      const accounts = await customerPaymentAccounts(tx, actor.orgId, id);
      return { erased: false as const, profile, requests, vouchers, orders, listings, accounts };
    },
    actor.userId,
  );
  if (!data) notFound();
  const t = await getTranslations("customers");
  const { profile } = data;
  const canReveal = can(actor.role, "customers.reveal");
  const back = (
    <Link
      href="/customers"
      className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
    >
      ← {t("backToList")}
    </Link>
  );

  if (data.erased) {
    return (
      <>
        {back}
        <PageHeader title={t("detail.erasedTitle")} />
        <Notice tone="warning" className="mb-6">
          {t("detail.erasedBody")}
        </Notice>
        <AccountSection profile={profile} />
        {data.requests && (
          <div className="mt-6">
            <RequestsSection rows={data.requests} />
          </div>
        )}
      </>
    );
  }

  return (
    <RevealProvider customerId={id} canReveal={canReveal} limit={revealLimit(actor.role)}>
      {back}
      <PageHeader
        title={profile.nameMasked ?? t("unnamed")}
        description={`${t("fields.externalRef")} ${profile.externalRef}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <PersonalDataSection profile={profile} canReveal={canReveal} />
        <AccountSection profile={profile} />
      </div>
      <div className="mt-6 space-y-6">
        <PaymentAccountsSection rows={data.accounts} />
        <VouchersSection rows={data.vouchers} limit={RECORDS_LIMIT} />
        <OrdersSection rows={data.orders} limit={RECORDS_LIMIT} />
        <ListingsSection rows={data.listings} limit={RECORDS_LIMIT} />
        <ConsentTimeline customerId={id} actor={actor} />
        {data.requests && <RequestsSection rows={data.requests} />}
      </div>
    </RevealProvider>
  );
}
