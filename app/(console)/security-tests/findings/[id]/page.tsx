import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { getFinding } from "@/lib/security-tests/queries";
import { isId } from "@/lib/security-tests/schemas";
import { findingTransitions } from "@/lib/security-tests/transitions";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { DueOn, FindingStatusBadge, PriorityBadge } from "../../_components/finding-badges";
import { StatusForm } from "./_components/status-form";
import { changeFindingStatusAction } from "./actions";
import { CalendarDay } from "@/components/ui/event-time";

export async function generateMetadata() {
  return { title: (await getTranslations("securityTests"))("title") };
}

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("security_tests.read");
  const { id } = await params;
  if (!isId(id)) notFound();
  const finding = await withTenant(
    actor.orgId,
    async (tx) => getFinding(tx, actor.orgId, id, await ownerScopeOf(tx, actor.orgId, actor)),
    actor.userId,
  );
  if (!finding) notFound();
  const t = await getTranslations("securityTests");
  const next = findingTransitions[finding.status];

  return (
    <>
      <Link
        href={`/security-tests/${finding.assessmentId}`}
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {finding.assessmentTitle}
      </Link>
      <PageHeader title={finding.title} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("finding.details")} className="lg:col-span-2">
          <Facts
            columns={3}
            items={[
              {
                label: t("finding.priority"),
                value: <PriorityBadge priority={finding.priority} />,
              },
              { label: t("finding.cvss"), value: finding.cvssScore ?? "—" },
              {
                label: t("finding.status"),
                value: (
                  <span data-testid="finding-status">
                    <FindingStatusBadge status={finding.status} />
                  </span>
                ),
              },
              {
                label: t("finding.foundOn"),
                value: <CalendarDay iso={finding.foundOn} />,
              },
              { label: t("finding.dueOn"), value: <DueOn finding={finding} today={todayIso()} /> },
              { label: t("finding.owner"), value: finding.owner },
              {
                label: t("finding.description"),
                value: <span className="whitespace-pre-line">{finding.description ?? "—"}</span>,
                wide: true,
              },
              {
                label: t("finding.evidence"),
                value: (
                  <span className="whitespace-pre-line" data-testid="finding-evidence">
                    {finding.evidence ?? "—"}
                  </span>
                ),
                wide: true,
              },
            ]}
          />
        </Card>
        {can(actor.role, "security_tests.manage") && next.length > 0 && (
          <Card title={t("finding.remediation")}>
            <StatusForm action={changeFindingStatusAction} findingId={id} next={next} />
          </Card>
        )}
      </div>
    </>
  );
}
