import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/line-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EventTime } from "@/components/ui/event-time";
import { KpiCard } from "@/components/ui/kpi-card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { consentDashboard, WINDOW_DAYS } from "@/lib/consent/dashboard";
import { TOP_PURPOSES, topRateLines } from "@/lib/consent/top-purposes";
import { localized } from "@/lib/core/i18n/localized-text";
import { PurposeTable } from "./_components/purpose-table";
import { ReconsentCard } from "./_components/reconsent-card";

export async function generateMetadata() {
  return { title: (await getTranslations("consent"))("dashboard.title") };
}

/** Consent at a glance: current counts and opt-in rate per purpose, trends over the window, GPC and re-consent. */
export default async function ConsentDashboardPage() {
  const actor = await requirePage("consent.read");
  const [t, locale, format] = await Promise.all([
    getTranslations("consent"),
    getLocale(),
    getFormatter(),
  ]);
  const data = await withTenant(
    actor.orgId,
    (tx) => consentDashboard(tx, actor.orgId),
    actor.userId,
  );
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const weekLabel = (week: string) => week.slice(5).replace("-", "/");
  const decided = data.purposes.filter((p) => data.series[p.id]);
  const nameOf = (id: string | null) =>
    id === null
      ? t("dashboard.otherPurposes")
      : localized(data.purposes.find((p) => p.id === id)?.name, locale);
  const sumWeek = (key: "withdrawals" | "gpc") =>
    data.weeks.map((_, i) =>
      Object.values(data.series).reduce((n, points) => n + points[i][key], 0),
    );

  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.description", { days: WINDOW_DAYS })}
        actions={
          <>
            <Link href="/consent/receipts" className={buttonClass("primary")}>
              {t("dashboard.openExplorer")}
            </Link>
            {can(actor.role, "purposes.read") && (
              <Link href="/purposes" className={buttonClass("secondary")}>
                {t("dashboard.openPurposes")}
              </Link>
            )}
          </>
        }
      />
      {data.purposes.length === 0 ? (
        <EmptyState title={t("dashboard.noPurposes")} body={t("dashboard.noPurposesBody")} />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="consent-kpis">
            <KpiCard
              label={t("dashboard.kpi.events", { days: WINDOW_DAYS })}
              value={data.totals.events}
              href="/consent/receipts"
            />
            <KpiCard
              label={t("dashboard.kpi.withdrawals", { days: WINDOW_DAYS })}
              value={data.totals.withdrawals}
              href="/consent/receipts?action=withdraw"
              tone="warning"
            />
            <KpiCard
              label={t("dashboard.kpi.gpcEvents", { days: WINDOW_DAYS })}
              value={data.totals.gpcOptOuts}
              href="/consent/receipts?gpc=1"
              tone="warning"
            />
            <KpiCard
              label={t("dashboard.kpi.gpcCustomers")}
              value={data.totals.gpcCustomers}
              href="/consent/receipts?gpc=1"
              hint={t("dashboard.kpi.gpcCustomersHint")}
            />
          </div>
          <Card title={t("dashboard.byPurpose")}>
            <PurposeTable rows={data.purposes} />
            {data.stateAsOf && (
              <p className="mt-2 text-xs text-slate-500" data-testid="consent-state-as-of">
                {t("dashboard.stateAsOf")} <EventTime iso={data.stateAsOf} />
              </p>
            )}
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card title={t("dashboard.rateChart")}>
              {decided.length === 0 ? (
                <p className="text-sm text-slate-500">{t("dashboard.noEvents")}</p>
              ) : (
                <>
                  <LineChart
                    title={t("dashboard.rateChart")}
                    xTitle={t("dashboard.week")}
                    xLabels={data.weeks.map(weekLabel)}
                    series={topRateLines(data.series).map((line) => ({
                      label: nameOf(line.purposeId),
                      values: line.rates,
                    }))}
                    yMax={1}
                    format={percent}
                  />
                  <p className="mt-2 text-xs text-slate-500">
                    {t("dashboard.rateNote", { top: TOP_PURPOSES })}
                  </p>
                </>
              )}
            </Card>
            <Card title={t("dashboard.withdrawalChart")}>
              {decided.length === 0 ? (
                <p className="text-sm text-slate-500">{t("dashboard.noEvents")}</p>
              ) : (
                <LineChart
                  title={t("dashboard.withdrawalChart")}
                  xTitle={t("dashboard.week")}
                  xLabels={data.weeks.map(weekLabel)}
                  series={[
                    { label: t("dashboard.withdrawals"), values: sumWeek("withdrawals") },
                    { label: t("dashboard.gpcOptOuts"), values: sumWeek("gpc") },
                  ]}
                  format={(v) => format.number(v, { maximumFractionDigits: 0 })}
                />
              )}
            </Card>
          </div>
          <ReconsentCard rows={data.reconsent} />
        </div>
      )}
    </>
  );
}
