import { getLocale, getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { RecordTable } from "@/components/ui/record-table";
import { personalFieldNames, personalFields } from "@/lib/customers/fields";
import { isMinorOn } from "@/lib/customers/minor-age";
import type { CustomerProfile } from "@/lib/customers/queries";
import { regionName } from "@/lib/customers/regions";
import { fromPgText } from "@/lib/customers/timestamps";
import type { customerPaymentAccounts } from "@/lib/vault/queries";
import { LawBadges, StatusBadge } from "../../_components/customer-badges";
import { RevealableValue } from "./reveal-provider";

/** Every personal field as its mask, each with its Reveal button. */
export async function PersonalDataSection({
  profile,
  canReveal,
}: {
  profile: CustomerProfile;
  canReveal: boolean;
}) {
  const t = await getTranslations("customers");
  return (
    <Card title={t("detail.profile")}>
      <p className="mb-4 text-xs text-slate-500">
        {t(canReveal ? "detail.profileHint" : "detail.profileMasked")}
      </p>
      <Facts
        items={personalFieldNames.map((field) => ({
          label: t(`fields.${field}`),
          value: (
            <RevealableValue
              field={field}
              masked={
                profile[personalFields[field].masked as keyof CustomerProfile] as string | null
              }
              label={t(`fields.${field}`)}
            />
          ),
        }))}
      />
    </Card>
  );
}

/** The facts about the account that are not personal data (shown for erased customers too). */
export async function AccountSection({ profile }: { profile: CustomerProfile }) {
  const [t, format, locale] = await Promise.all([
    getTranslations("customers"),
    getDates(),
    getLocale(),
  ]);
  const when = (date: Date | null) => (date ? format.instant(date) : t("list.never"));
  const erased = profile.status === "erased";
  return (
    <Card title={t("detail.account")}>
      <Facts
        items={[
          ...(erased
            ? []
            : [
                {
                  label: t("fields.externalRef"),
                  value: <span className="font-mono">{profile.externalRef}</span>,
                },
              ]),
          { label: t("fields.status"), value: <StatusBadge status={profile.status} /> },
          ...(erased
            ? []
            : [
                {
                  label: t("fields.region"),
                  value: profile.region ? regionName(profile.region, locale) : t("list.never"),
                },
                {
                  label: t("fields.laws"),
                  value: <LawBadges laws={profile.laws} none={t("detail.noLaws")} />,
                },
                {
                  label: t("fields.realName"),
                  value: profile.realNameVerified ? (
                    <Badge tone="green">{t("detail.verified")}</Badge>
                  ) : (
                    <Badge>{t("detail.notVerified")}</Badge>
                  ),
                },
                // PIPL Art. 31: staff see that only a guardian consents for this customer (not the birth date itself).
                ...(isMinorOn(profile.minorBornOn)
                  ? [
                      {
                        label: t("fields.age"),
                        value: <Badge tone="orange">{t("detail.minor")}</Badge>,
                      },
                    ]
                  : []),
                { label: t("fields.lastActive"), value: when(profile.lastActiveAt) },
              ]),
          { label: t("fields.created"), value: when(fromPgText(profile.createdAt)) },
        ]}
      />
    </Card>
  );
}

/** Payment accounts (sensitive, PIPL Art. 28): type and masked identifier, each revealable. */
export async function PaymentAccountsSection({
  rows,
}: {
  rows: Awaited<ReturnType<typeof customerPaymentAccounts>>;
}) {
  const t = await getTranslations("customers");
  return (
    <Card title={t("detail.accounts")}>
      <p className="mb-3 text-xs text-slate-500">{t("detail.accountsHint")}</p>
      <RecordTable
        variant="inset"
        caption={t("detail.accountsCaption")}
        empty={{ title: t("detail.noAccounts") }}
        rows={rows}
        rowKey={(a) => a.id}
        columns={[
          { header: t("detail.accountType"), cell: (a) => t(`options.accountType.${a.type}`) },
          {
            header: t("detail.identifier"),
            cell: (a) => (
              <RevealableValue
                field="paymentAccount"
                accountId={a.id}
                masked={a.identifierMasked}
                label={t("reveal.accountLabel", { type: t(`options.accountType.${a.type}`) })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
