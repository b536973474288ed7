import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/requests/queries";

/** Identity, customer (stored masks only), assignee and links: the side panel of a request. */
export function RequestFacts({ detail }: { detail: RequestDetail }) {
  const t = useTranslations("requests");
  const { request: r, customer } = detail;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex justify-between gap-3 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <Card title={t("detail.identity")}>
        <dl className="divide-y divide-slate-100 text-sm">
          {row(
            t("detail.identityStatus"),
            r.verifiedOn ? t("detail.verified") : t("detail.notVerified"),
            "identity-status",
          )}
          {r.identityMethod && row(t("fields.identityMethod"), t(`identity.${r.identityMethod}`))}
          {r.verifiedOn && row(t("fields.verifiedOn"), r.verifiedOn)}
        </dl>
      </Card>
      <Card title={t("detail.customer")}>
        {customer ? (
          <dl className="divide-y divide-slate-100 text-sm">
            {row(
              t("fields.customer"),
              <Link href={`/customers/${customer.id}`} className="text-brand-700 hover:underline">
                {customer.nameMasked ?? customer.externalRef}
              </Link>,
            )}
            {row(t("detail.externalRef"), customer.externalRef)}
            {customer.phoneMasked && row(t("detail.phone"), customer.phoneMasked)}
            {customer.emailMasked && row(t("detail.email"), customer.emailMasked)}
            {customer.status === "erased" && row(t("detail.customerStatus"), t("detail.erased"))}
          </dl>
        ) : (
          <p className="text-sm text-slate-500">{t("list.noCustomer")}</p>
        )}
      </Card>
      <Card title={t("detail.handling")}>
        <dl className="divide-y divide-slate-100 text-sm">
          {row(t("fields.assignee"), detail.assigneeName ?? t("list.unassigned"), "assignee")}
          {row(t("fields.channel"), t(`channel.${r.channel}`))}
          {row(t("fields.locale"), r.locale === "en" ? "English" : "中文")}
          {detail.duplicateOf &&
            row(
              t("detail.duplicateOf"),
              <Link
                href={`/requests/${detail.duplicateOf.id}`}
                className="text-brand-700 hover:underline"
              >
                {detail.duplicateOf.reference}
              </Link>,
            )}
          {r.rejectionReason && row(t("detail.rejectionReason"), r.rejectionReason)}
        </dl>
      </Card>
    </div>
  );
}
