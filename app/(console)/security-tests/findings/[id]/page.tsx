import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
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
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5">{value}</dd>
    </div>
  );

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
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {row(t("finding.priority"), <PriorityBadge priority={finding.priority} />)}
            {row(t("finding.cvss"), finding.cvssScore ?? "—")}
            {row(
              t("finding.status"),
              <span data-testid="finding-status">
                <FindingStatusBadge status={finding.status} />
              </span>,
            )}
            {row(t("finding.foundOn"), <span className="tabular-nums">{finding.foundOn}</span>)}
            {row(t("finding.dueOn"), <DueOn finding={finding} today={todayIso()} />)}
            {row(t("finding.owner"), finding.owner)}
            <div className="sm:col-span-3">
              {row(
                t("finding.description"),
                <span className="whitespace-pre-line">{finding.description ?? "—"}</span>,
              )}
            </div>
            <div className="sm:col-span-3">
              {row(
                t("finding.evidence"),
                <span className="whitespace-pre-line" data-testid="finding-evidence">
                  {finding.evidence ?? "—"}
                </span>,
              )}
            </div>
          </dl>
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
