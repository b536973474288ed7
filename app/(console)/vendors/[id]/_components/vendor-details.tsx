import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { Card } from "@/components/ui/card";
import { maxRiskScore, riskQuestions } from "@/lib/vendors/risk";
import type { Vendor } from "@/lib/vendors/queries";
import { DpaBadge, ReviewBadge, RoleBadge, TierBadge } from "../../_components/vendor-badges";
import { Facts } from "@/components/ui/facts";
import { Chips } from "./chips";

/** Everything recorded about a vendor, grouped as the form groups it. */
export async function VendorDetails({
  vendor,
  departmentName,
}: {
  vendor: Vendor;
  departmentName: string | null;
}) {
  const [t, category, common, format] = await Promise.all([
    getTranslations("vendors"),
    getTranslations("dataCategories"),
    getTranslations("common"),
    getDates(),
  ]);
  const day = (date: string | null) =>
    date ? format.day(date) : <span className="text-slate-400">{common("notSet")}</span>;
  const yesNo = (value: boolean) => (value ? common("yes") : common("no"));
  const labels = (list: string, ids: string[]) =>
    ids.map((id) => t(`options.${list}.${id}` as never));
  const orNone = (value: string | null) =>
    value ?? <span className="text-slate-400">{common("notSet")}</span>;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title={t("sections.data")}>
          <Facts
            items={[
              {
                label: t("fields.country"),
                value: t(`options.regions.${vendor.country}` as never),
              },
              { label: t("fields.handlerRole"), value: <RoleBadge role={vendor.handlerRole} /> },
              { label: t("fields.crossBorder"), value: yesNo(vendor.crossBorder) },
              { label: t("fields.sensitiveData"), value: yesNo(vendor.sensitiveData) },
              {
                label: t("fields.dataCategories"),
                value: (
                  <Chips
                    labels={vendor.dataCategories.map((id) => category(id))}
                    none={common("none")}
                  />
                ),
              },
              {
                label: t("fields.purposes"),
                value: <Chips labels={labels("purposes", vendor.purposes)} none={common("none")} />,
              },
            ]}
          />
        </Card>
        <Card title={t("sections.dpa")}>
          <Facts
            items={[
              {
                label: t("fields.dpaStatus"),
                value: <DpaBadge status={vendor.dpaStatus} expiring={vendor.dpaExpiring} />,
              },
              { label: t("fields.dpaSignedOn"), value: day(vendor.dpaSignedOn) },
              { label: t("fields.dpaExpiresOn"), value: day(vendor.dpaExpiresOn) },
              {
                label: t("fields.certifications"),
                value: (
                  <Chips
                    labels={labels("certifications", vendor.certifications)}
                    none={common("none")}
                  />
                ),
              },
            ]}
          />
        </Card>
        <Card
          title={t("sections.risk")}
          action={<TierBadge tier={vendor.riskTier} score={vendor.riskScore} />}
        >
          <dl className="divide-y divide-slate-100">
            {riskQuestions.map((q) => {
              const answer = vendor.riskAnswers[q.id];
              return (
                <div
                  key={q.id}
                  className="grid gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-2 sm:gap-4"
                >
                  <dt className="text-sm text-slate-600">{t(`risk.questions.${q.id}.label`)}</dt>
                  <dd className="text-sm font-medium text-slate-900">
                    {answer
                      ? t(`risk.questions.${q.id}.options.${answer}` as never)
                      : common("notSet")}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Card>
      </div>

      <div className="space-y-6">
        <Card title={t("detail.summary")}>
          <Facts
            items={[
              {
                label: t("fields.riskScore"),
                value: (
                  <span className="text-2xl font-semibold tabular-nums">
                    {t("detail.score", { score: vendor.riskScore, max: maxRiskScore })}
                  </span>
                ),
              },
              { label: t("fields.riskTier"), value: <TierBadge tier={vendor.riskTier} /> },
              { label: t("fields.reviewState"), value: <ReviewBadge state={vendor.reviewState} /> },
              { label: t("fields.nextReviewOn"), value: day(vendor.nextReviewOn) },
              { label: t("fields.lastReviewedOn"), value: day(vendor.lastReviewedOn) },
              { label: t("fields.reviewCadenceMonths"), value: vendor.reviewCadenceMonths },
            ]}
          />
        </Card>
        <Card title={t("sections.contact")}>
          <Facts
            items={[
              { label: t("fields.ownerDepartment"), value: orNone(departmentName) },
              { label: t("fields.contactName"), value: orNone(vendor.contactName) },
              {
                label: t("fields.contactEmail"),
                value: vendor.contactEmail ? (
                  <a
                    className="break-all text-brand-700 hover:underline"
                    href={`mailto:${vendor.contactEmail}`}
                  >
                    {vendor.contactEmail}
                  </a>
                ) : (
                  orNone(null)
                ),
              },
            ]}
          />
          {vendor.notes && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <p className="text-xs font-medium text-slate-500">{t("fields.notes")}</p>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{vendor.notes}</p>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
