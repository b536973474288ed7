import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EventTime } from "@/components/ui/event-time";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { BreachRegisterLink } from "./_components/breach-register-link";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { listIncidents } from "@/lib/incidents/queries";
import { ClockCountdown } from "./_components/clock-countdown";
import { IncidentBadges } from "./_components/incident-badges";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("title") };
}

/** The incidents the person sees (their own reports; a manager their department's; officers and auditors all), newest first. */
export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requirePage("incidents.read");
  const { cursor } = await searchParams;
  const [t, common, page] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("common"),
    withTenant(
      actor.orgId,
      (tx) => listIncidents(tx, actor.orgId, actor, decodeCursor(cursor)),
      actor.userId,
    ),
  ]);
  const seesAll = can(actor.role, "incidents.manage") || actor.role === "auditor";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          seesAll
            ? t("description")
            : actor.role === "manager"
              ? t("descriptionManager")
              : t("descriptionOwn")
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {can(actor.role, "incidentRecords.read") && <BreachRegisterLink />}
            <Link href="/incidents/new" className={buttonClass()}>
              {t("report.button")}
            </Link>
          </div>
        }
      />
      <RecordTable
        variant="panel"
        caption={t("title")}
        testId="incident-list"
        rows={page.rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `incident-${r.reference}`}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        columns={[
          {
            header: t("list.reference"),
            rowHeader: true,
            cell: (r) => (
              <Link
                href={`/incidents/${r.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.reference}
              </Link>
            ),
            className: "whitespace-nowrap",
          },
          { header: t("list.summary"), cell: (r) => r.summary, className: "text-slate-800" },
          { header: t("list.state"), cell: (r) => <IncidentBadges incident={r} /> },
          {
            header: t("list.nearestClock"),
            cell: (r) =>
              r.nearest ? (
                <ClockCountdown clock={r.nearest} />
              ) : (
                <span className="text-slate-400">—</span>
              ),
          },
          {
            header: t("list.reportedAt"),
            cell: (r) => <EventTime iso={r.createdAt.toISOString()} />,
            className: "text-slate-600",
          },
        ]}
      />
      <KeysetPager
        firstHref={cursor ? "/incidents" : undefined}
        nextHref={page.next ? `/incidents?cursor=${encodeCursor(page.next)}` : undefined}
        labels={{ nav: t("list.pages"), first: common("first"), next: common("next") }}
      />
    </>
  );
}
