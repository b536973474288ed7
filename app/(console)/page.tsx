import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BarChart, type BarTone } from "@/components/charts/bar-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KpiCard } from "@/components/ui/kpi-card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { chainHealth } from "@/lib/core/audit/chain-health";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { reviewsAwaiting } from "@/lib/policies/reviews";
import { purposesLackingMechanism } from "@/lib/purposes/attention";
import { riskTierIds } from "@/lib/vendors/options";
import { vendorSummary } from "@/lib/vendors/queries";
import { unusualLookups } from "@/lib/customers/unusual-lookups";
import { todayIso } from "@/lib/core/dates";
import { workingCalendarOf } from "@/lib/requests/calendar-store";
import { calendarYearToEnter } from "@/lib/requests/calendar-reminder";
import {
  medianDaysToClose,
  openRequestsBySla,
  provisionalDueDates,
  weeklyVolume,
} from "@/lib/requests/overview";
import { riskHeatMap } from "@/lib/risks/queries";
import { overdueFindings } from "@/lib/security-tests/queries";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { AuditChainCard } from "./_components/audit-chain-card";
import { RiskHeatMapCard } from "./risks/_components/risk-heat-map-card";
import { OverdueFindings } from "./security-tests/_components/overdue-findings";
import { openIncidentsByNearestClock } from "@/lib/incidents/queries";
import { OpenIncidentsCard } from "./_components/open-incidents-card";
import { ProgrammeCard } from "./_components/programme-card";
import { CalendarNotices } from "./_components/calendar-notices";
import { UnusualLookupsCard } from "./_components/unusual-lookups-card";
import { RequestsCloseTimes } from "./_components/requests-close-times";
import { RequestsSlaWidget } from "./_components/requests-sla-widget";
import { RequestsVolumeChart } from "./_components/requests-volume-chart";

const tierTone: Record<(typeof riskTierIds)[number], BarTone> = {
  low: "green",
  medium: "amber",
  high: "orange",
  critical: "red",
};

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const actor = await requirePage("overview.read");
  const seesAudit = can(actor.role, "audit.read");
  const seesRequests = can(actor.role, "requests.read");
  const seesFindings = can(actor.role, "security_tests.read");
  const seesRisks = can(actor.role, "risks.read");
  const [
    t,
    vendorsT,
    summary,
    audit,
    requests,
    reviews,
    lackingMechanism,
    security,
    openIncidents,
  ] = await Promise.all([
    getTranslations("overview"),
    getTranslations("vendors"),
    withTenant(actor.orgId, (tx) => vendorSummary(tx, actor.orgId), actor.userId),
    seesAudit
      ? withTenant(
          actor.orgId,
          async (tx) => ({
            health: await chainHealth(tx, actor.orgId),
            lookups: await unusualLookups(tx, actor.orgId),
          }),
          actor.userId,
        )
      : undefined,
    seesRequests
      ? withTenant(
          actor.orgId,
          async (tx) => ({
            sla: await openRequestsBySla(tx, actor.orgId),
            median: await medianDaysToClose(tx, actor.orgId),
            volume: await weeklyVolume(tx, actor.orgId),
            provisional: await provisionalDueDates(tx, actor.orgId),
            missingYear: calendarYearToEnter(await workingCalendarOf(tx, actor.orgId), todayIso()),
          }),
          actor.userId,
        )
      : undefined,
    withTenant(actor.orgId, (tx) => reviewsAwaiting(tx, actor.orgId, actor), actor.userId),
    can(actor.role, "purposes.read")
      ? withTenant(actor.orgId, (tx) => purposesLackingMechanism(tx, actor.orgId), actor.userId)
      : [],
    seesFindings || seesRisks
      ? withTenant(
          actor.orgId,
          async (tx) => {
            const scope = await ownerScopeOf(tx, actor.orgId, actor);
            return {
              overdue: seesFindings
                ? await overdueFindings(tx, actor.orgId, scope, todayIso(), 5)
                : undefined,
              heatMap: seesRisks
                ? await riskHeatMap(tx, actor.orgId, scope, todayIso())
                : undefined,
            };
          },
          actor.userId,
        )
      : undefined,
    withTenant(
      actor.orgId,
      (tx) => openIncidentsByNearestClock(tx, actor.orgId, actor),
      actor.userId,
    ),
  ]);
  const canCreate = can(actor.role, "vendors.create");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {reviews.length > 0 && (
          <Link
            href="/tasks"
            data-testid="awaiting-review"
            className="flex items-center justify-between gap-3 rounded-lg bg-brand-50 px-4 py-3 text-sm ring-1 ring-brand-600/20 hover:ring-brand-600/40"
          >
            <span className="font-medium text-brand-700">
              {t("awaitingReview", { count: reviews.length })}
            </span>
            <span className="text-brand-700">{t("openTasks")} →</span>
          </Link>
        )}
        {lackingMechanism.length > 0 && (
          <Link
            href="/purposes"
            data-testid="overview-mechanism-missing"
            className="flex items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm ring-1 ring-amber-200 hover:ring-amber-400"
          >
            <span className="font-medium text-amber-800">
              {t("purposesMechanismMissing", { count: lackingMechanism.length })}
            </span>
            <span className="text-amber-800">{t("reviewPurposes")} →</span>
          </Link>
        )}
        {(openIncidents.length > 0 || can(actor.role, "incidents.manage")) && (
          <OpenIncidentsCard rows={openIncidents} />
        )}
        {requests && (
          <CalendarNotices
            provisional={requests.provisional}
            missingYear={requests.missingYear}
            canManage={can(actor.role, "calendar.manage")}
          />
        )}
        {can(actor.role, "controls.read") && <ProgrammeCard actor={actor} />}
        {requests && <RequestsSlaWidget counts={requests.sla} />}
        {requests && (
          <div className="grid gap-6 lg:grid-cols-3">
            <RequestsVolumeChart volume={requests.volume} />
            <RequestsCloseTimes rows={requests.median} />
          </div>
        )}
        {security && (
          <div className="grid gap-6 lg:grid-cols-2">
            {security.overdue && (
              <OverdueFindings
                rows={security.overdue.rows}
                total={security.overdue.total}
                today={todayIso()}
              />
            )}
            {security.heatMap && <RiskHeatMapCard map={security.heatMap} />}
          </div>
        )}
        {summary.total === 0 ? (
          <EmptyState
            title={t("emptyTitle")}
            body={canCreate ? t("emptyBody") : t("emptyReadOnly")}
            action={
              canCreate && (
                <Link href="/vendors/new" className={buttonClass()}>
                  {t("emptyAction")}
                </Link>
              )
            }
          />
        ) : (
          <section aria-labelledby="overview-vendors">
            <h2 id="overview-vendors" className="mb-3 text-sm font-semibold text-slate-800">
              {t("vendors")}
            </h2>
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
              <KpiCard
                label={t("activeVendors")}
                value={summary.total}
                href="/vendors"
                hint={t("crossBorder", { count: summary.crossBorder })}
              />
              <KpiCard
                label={t("reviewsOverdue")}
                value={summary.reviewsOverdue}
                href="/vendors?review=overdue&sort=nextReview"
                tone="danger"
                hint={t("viewList")}
              />
              <KpiCard
                label={t("reviewsDue")}
                value={summary.reviewsDue}
                href="/vendors?review=due&sort=nextReview"
                tone="warning"
                hint={t("viewList")}
              />
              <KpiCard
                label={t("dpaMissing")}
                value={summary.dpaMissing}
                href="/vendors?dpa=missing"
                tone="danger"
                hint={t("viewList")}
              />
              <KpiCard
                label={t("dpaExpiring")}
                value={summary.dpaExpiring}
                href="/vendors?dpa=expiring"
                tone="warning"
                hint={t("viewList")}
              />
            </div>
          </section>
        )}
        <div className="grid gap-6 lg:grid-cols-3">
          {summary.total > 0 && (
            <Card title={t("byTier")} className="lg:col-span-2">
              <div className="grid items-center gap-6 md:grid-cols-[3fr_2fr]">
                <BarChart
                  title={t("tierChartTitle")}
                  categoryLabel={t("tierLabel")}
                  valueLabel={t("countLabel")}
                  bars={riskTierIds.map((tier) => ({
                    label: vendorsT(`options.tier.${tier}`),
                    value: summary[tier],
                    tone: tierTone[tier],
                  }))}
                />
                <ul className="divide-y divide-slate-100 text-sm">
                  {[...riskTierIds].reverse().map((tier) => (
                    <li key={tier}>
                      <Link
                        href={`/vendors?tier=${tier}&sort=risk&dir=desc`}
                        className="flex items-center justify-between rounded px-2 py-2 hover:bg-slate-50"
                      >
                        <span className="text-slate-700">{vendorsT(`options.tier.${tier}`)}</span>
                        <span className="font-semibold text-slate-900 tabular-nums">
                          {summary[tier]}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </Card>
          )}
          {audit && <AuditChainCard status={audit.health} />}
          {audit && <UnusualLookupsCard people={audit.lookups} />}
        </div>
      </div>
    </>
  );
}
