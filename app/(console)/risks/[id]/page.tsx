import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import {
  FindingStatusBadge,
  PriorityBadge,
} from "@/app/(console)/security-tests/_components/finding-badges";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { addMonths, todayIso, addDays } from "@/lib/core/dates";
import { acceptanceState, approvalRefusal } from "@/lib/risks/acceptance";
import { getRisk } from "@/lib/risks/queries";
import { isRiskId } from "@/lib/risks/schemas";
import { findingOptions } from "@/lib/security-tests/queries";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { vendorOptions } from "@/lib/vendors/queries";
import { AcceptanceBadge, ScoreBadge } from "../_components/risk-badges";
import { AcceptForm } from "./_components/accept-form";
import { LinkForm } from "./_components/link-form";
import { acceptRiskAction, linkRiskAction, unlinkRiskAction } from "./actions";
import { CalendarDay } from "@/components/ui/event-time";

export async function generateMetadata() {
  return { title: (await getTranslations("risks"))("title") };
}

export default async function RiskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("risks.read");
  const { id } = await params;
  if (!isRiskId(id)) notFound();
  const manages = can(actor.role, "risks.manage");
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const risk = await getRisk(tx, actor.orgId, id, await ownerScopeOf(tx, actor.orgId, actor));
      if (!risk) return undefined;
      return {
        risk,
        findingChoices: manages ? await findingOptions(tx, actor.orgId) : [],
        vendorChoices: manages ? await vendorOptions(tx, actor.orgId) : [],
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { risk } = data;
  const t = await getTranslations("risks");
  const st = await getTranslations("securityTests");
  const today = todayIso();
  const state = acceptanceState(risk, today);
  const refusal = approvalRefusal(risk, actor.userId);
  const mayApprove =
    can(actor.role, "risks.approve") && (state === "pending" || state === "expired");
  const unlink = (kind: "finding" | "vendor", targetId: string) =>
    manages && (
      <ActionButton
        action={unlinkRiskAction}
        fields={{ id, kind, targetId }}
        label={t("links.unlink")}
        pendingLabel={t("saving")}
        variant="ghost"
      />
    );

  return (
    <>
      <Link href="/risks" className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800">
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={risk.title}
        actions={
          manages && (
            <Link href={`/risks/${id}/edit`} className={buttonClass("secondary")}>
              {t("edit")}
            </Link>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("details")} className="lg:col-span-2">
          <Facts
            columns={3}
            items={[
              {
                label: t("fields.inherent"),
                value: (
                  <ScoreBadge likelihood={risk.inherentLikelihood} impact={risk.inherentImpact} />
                ),
              },
              {
                label: t("fields.residual"),
                value: (
                  <span data-testid="residual-score">
                    <ScoreBadge likelihood={risk.residualLikelihood} impact={risk.residualImpact} />
                  </span>
                ),
              },
              { label: t("fields.treatment"), value: t(`treatments.${risk.treatment}`) },
              { label: t("fields.owner"), value: risk.owner },
              {
                label: t("fields.reviewOn"),
                value: <CalendarDay iso={risk.reviewOn} />,
              },
              {
                label: t("fields.description"),
                value: <span className="whitespace-pre-line">{risk.description ?? "—"}</span>,
                wide: true,
              },
            ]}
          />
        </Card>
        {state !== "none" && (
          <Card title={t("acceptance.title")}>
            <div className="space-y-3 text-sm" data-testid="acceptance">
              <AcceptanceBadge risk={risk} today={today} />
              {risk.approver && risk.acceptanceExpiresOn && (
                <p>{t("acceptance.by", { name: risk.approver, date: risk.acceptanceExpiresOn })}</p>
              )}
              {mayApprove &&
                (refusal ? (
                  <p className="text-slate-600">{t(`acceptance.refusals.${refusal}`)}</p>
                ) : (
                  <AcceptForm
                    action={acceptRiskAction}
                    riskId={id}
                    defaultExpiry={addMonths(today, 12)}
                    min={addDays(today, 1)}
                  />
                ))}
            </div>
          </Card>
        )}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title={t("links.findings")}>
          <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="linked-findings">
            {risk.findings.length === 0 && (
              <li className="py-2 text-slate-500">{t("links.none")}</li>
            )}
            {risk.findings.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="flex flex-wrap items-center gap-2">
                  <PriorityBadge priority={f.priority} />
                  <Link
                    href={`/security-tests/findings/${f.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {f.title}
                  </Link>
                  <FindingStatusBadge status={f.status} />
                </span>
                {unlink("finding", f.id)}
              </li>
            ))}
          </ul>
          {manages && (
            <LinkForm
              action={linkRiskAction}
              riskId={id}
              kind="finding"
              options={data.findingChoices
                .filter((f) => !risk.findings.some((l) => l.id === f.id))
                .map((f) => ({
                  value: f.id,
                  label: `${st(`priorities.${f.priority}`)} · ${f.title}`,
                }))}
            />
          )}
        </Card>
        <Card title={t("links.vendors")}>
          <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="linked-vendors">
            {risk.vendors.length === 0 && (
              <li className="py-2 text-slate-500">{t("links.none")}</li>
            )}
            {risk.vendors.map((v) => (
              <li key={v.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`/vendors/${v.id}`} className="text-brand-700 hover:underline">
                  {v.name}
                </Link>
                {unlink("vendor", v.id)}
              </li>
            ))}
          </ul>
          {manages && (
            <LinkForm
              action={linkRiskAction}
              riskId={id}
              kind="vendor"
              options={data.vendorChoices
                .filter((v) => !risk.vendors.some((l) => l.id === v.id))
                .map((v) => ({ value: v.id, label: v.name }))}
            />
          )}
        </Card>
      </div>
    </>
  );
}
