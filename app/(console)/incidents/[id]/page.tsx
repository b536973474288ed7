import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { listAuditEvents } from "@/lib/core/audit/queries";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { getIncident, incidentHandlers, organizationLaws } from "@/lib/incidents/queries";
import { isIncidentId } from "@/lib/incidents/schemas";
import { openStatuses } from "@/lib/incidents/transitions";
import { IncidentBadges } from "../_components/incident-badges";
import { AffectedCard, affectedOf } from "./_components/affected/affected-card";
import { ClockCard } from "./_components/clock-card";
import { GradeForm } from "./_components/grade-form";
import { IncidentFacts } from "./_components/incident-facts";
import { IncidentHistory } from "./_components/incident-history";
import { IncidentResponse } from "./_components/incident-response";
import { StatusSteps } from "./_components/status-steps";
import { TriageForm } from "./_components/triage-form";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("title") };
}

export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("incidents.read");
  const { id } = await params;
  if (!isIncidentId(id)) notFound();
  const manages = can(actor.role, "incidents.manage");
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const detail = await getIncident(tx, actor.orgId, id, actor);
      if (!detail) return undefined;
      const history = await listAuditEvents(
        tx,
        { targetType: "incident", targetId: id },
        { limit: 50 },
      );
      return {
        detail,
        history: history.rows,
        handlers: manages ? await incidentHandlers(tx, actor.orgId) : [],
        laws: manages ? await organizationLaws(tx, actor.orgId) : [],
        affected: await affectedOf(tx, actor.orgId, id, manages),
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { incident } = data.detail;
  const [t, { notice }] = await Promise.all([getTranslations("incidents"), searchParams]);
  const open = openStatuses.includes(incident.status);

  return (
    <>
      <Link
        href="/incidents"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={`${incident.reference} · ${incident.summary}`}
        actions={<IncidentBadges incident={incident} />}
      />
      <div className="mb-6 space-y-3 empty:hidden">
        {notice === "reported" && <Notice tone="success">{t("done.reported")}</Notice>}
        {incident.drill && <Notice tone="warning">{t("drillNotice")}</Notice>}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ClockCard detail={data.detail} canMark={manages && open} />
          <IncidentFacts detail={data.detail} />
          <AffectedCard
            incidentId={incident.id}
            dataCategories={incident.dataCategories}
            {...data.affected}
            canManage={manages && open}
          />
          <IncidentResponse incident={incident} actor={actor} />
          {manages && open && (
            <TriageForm incident={incident} handlers={data.handlers} defaultLaws={data.laws} />
          )}
        </div>
        <div className="space-y-6">
          {manages && open && <StatusSteps id={incident.id} status={incident.status} />}
          {manages &&
            open &&
            incident.classification &&
            incident.classification !== "not_incident" && <GradeForm incident={incident} />}
          <Card title={t("sections.history")}>
            <IncidentHistory events={data.history} />
          </Card>
        </div>
      </div>
    </>
  );
}
