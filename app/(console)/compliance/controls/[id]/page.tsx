import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { controlById } from "@/lib/controls/catalogue";
import { evaluationHistory } from "@/lib/controls/evaluate";
import { requirePage } from "@/lib/core/auth/guard";
import { requirementsInForce } from "@/lib/requirements/versions";
import { ControlStatusBadge, ControlTrend, EvidenceFigure } from "../../_components/control-status";
import { EvidenceDetails } from "../../_components/evidence-details";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const control = controlById((await params).id);
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return { title: control?.title[locale] ?? (await getTranslations("controls"))("title") };
}

/** One control: the query that computes it, the requirements it evidences, and its results over 90 days. */
export default async function ControlPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("controls.read");
  const control = controlById((await params).id);
  if (!control) notFound();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const t = await getTranslations("controls");
  const history = await withTenant(
    actor.orgId,
    (tx) => evaluationHistory(tx, actor.orgId, { controlId: control.id, days: 90 }),
    actor.userId,
  );
  const requirements = requirementsInForce().filter((r) => control.requirements.includes(r.key));
  return (
    <>
      <PageHeader
        title={control.title[locale]}
        actions={
          <Link href="/compliance" className={buttonClass("secondary")}>
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("query")}>
          <p className="text-sm text-slate-700" data-testid="control-query">
            {control.query[locale]}
          </p>
          <p className="mt-2 text-xs text-slate-500">{t("computedNote")}</p>
        </Card>
        <Card title={t("requirements")}>
          <ul className="space-y-1 text-sm">
            {requirements.map((r) => (
              <li key={r.key}>
                <Link href={`/compliance?law=${r.law}`} className="text-brand-700 hover:underline">
                  {r.law} {r.article}
                </Link>{" "}
                — {r.title[locale]}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title={t("trend")} className="mt-4">
        <ControlTrend points={history} />
      </Card>
      <div className="mt-4">
        <RecordTable
          variant="panel"
          caption={t("history")}
          rows={[...history].reverse()}
          rowKey={(r) => r.id}
          empty={{ title: t("noHistory"), body: t("noHistoryBody") }}
          testId="control-history"
          columns={[
            { header: t("day"), cell: (r) => r.evaluatedOn, className: "tabular-nums" },
            { header: t("statusLabel"), cell: (r) => <ControlStatusBadge status={r.status} /> },
            {
              header: t("figure"),
              cell: (r) => <EvidenceFigure numerator={r.numerator} denominator={r.denominator} />,
            },
            { header: t("details"), cell: (r) => <EvidenceDetails details={r.details} /> },
          ]}
        />
      </div>
    </>
  );
}
