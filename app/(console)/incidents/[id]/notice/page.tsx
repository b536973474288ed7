import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { noticePageData } from "@/lib/incidents/notices/page-data";
import { getIncident } from "@/lib/incidents/queries";
import { isIncidentId } from "@/lib/incidents/schemas";
import { openStatuses } from "@/lib/incidents/transitions";
import { NoticeForm } from "./_components/notice-form";
import { NoticePreviews } from "./_components/notice-previews";
import { NoticeStatus } from "./_components/notice-status";
import { SendNoticeForm } from "./_components/send-notice-form";

export async function generateMetadata() {
  return { title: (await getTranslations("incidentAffected.notice"))("title") };
}

export default async function IncidentNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("incidents.read");
  const { id } = await params;
  if (!isIncidentId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const detail = await getIncident(tx, actor.orgId, id, actor);
      if (!detail) return undefined;
      return {
        incident: detail.incident,
        ...(await noticePageData(tx, actor.orgId, detail.incident)),
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const [t, format] = await Promise.all([
    getTranslations("incidentAffected.notice"),
    getFormatter(),
  ]);
  const { incident } = data;
  const manages = can(actor.role, "incidents.manage") && openStatuses.includes(incident.status);
  const sending = data.latest?.status === "sending";
  return (
    <>
      <Link
        href={`/incidents/${incident.id}`}
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {incident.reference}
      </Link>
      <PageHeader title={`${t("title")} · ${incident.reference}`} description={t("intro")} />
      <div className="space-y-6">
        {incident.drill && (
          <Notice tone="warning">
            <span data-testid="drill-no-notice">{t("drillNever")}</span>
          </Notice>
        )}
        {data.latest && (
          <Card title={t("sentTitle")}>
            <NoticeStatus notice={data.latest} recipients={data.recipients} />
          </Card>
        )}
        <Card title={t("previewTitle")}>
          <NoticePreviews previews={data.previews} />
        </Card>
        {manages && !incident.drill && (
          <Card title={t("sendTitle")}>
            {!data.committed ? (
              <p className="text-sm text-slate-600" data-testid="notice-needs-selection">
                {t("needsSelection")}
              </p>
            ) : !data.draft ? (
              <p className="text-sm text-slate-600" data-testid="notice-needs-draft">
                {t("needsDraft")}
              </p>
            ) : data.alreadySent || sending ? (
              <p className="text-sm text-slate-600">{t("alreadySent")}</p>
            ) : (
              <SendNoticeForm
                incidentId={incident.id}
                people={format.number(data.committed.matched)}
              />
            )}
          </Card>
        )}
        {manages && (
          <Card title={t("draftTitle")}>
            <NoticeForm incidentId={incident.id} texts={data.texts} />
          </Card>
        )}
      </div>
    </>
  );
}
