import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { controlsFor, worstStatus } from "@/lib/controls/catalogue";
import { evaluationHistory, latestEvaluations } from "@/lib/controls/evaluate";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { laws, lawIds, type LawId } from "@/lib/requirements/laws";
import { requirementsInForce } from "@/lib/requirements/versions";
import { evaluateControlsAction } from "./actions";
import { ControlStatusBadge, ControlTrend, EvidenceFigure } from "./_components/control-status";

export async function generateMetadata() {
  return { title: (await getTranslations("requirements"))("title") };
}

/** The compliance view per law: each requirement in force, its controls' evidence, its status and trend. */
export default async function CompliancePage({
  searchParams,
}: {
  searchParams: Promise<{ law?: string }>;
}) {
  const actor = await requirePage("requirements.read");
  const asked = (await searchParams).law;
  const law: LawId = lawIds.includes(asked as LawId) ? (asked as LawId) : "PIPL";
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const [t, tc] = await Promise.all([getTranslations("requirements"), getTranslations("controls")]);
  const { latest, history } = await withTenant(
    actor.orgId,
    async (tx) => ({
      latest: await latestEvaluations(tx, actor.orgId),
      history: await evaluationHistory(tx, actor.orgId, { days: 30 }),
    }),
    actor.userId,
  );
  const rows = requirementsInForce(undefined, law).map((req) => {
    const mapped = controlsFor(req.key);
    const statuses = mapped.map((c) => latest.get(c.id)?.status ?? "no_data");
    return { req, mapped, status: worstStatus(statuses) };
  });
  const lawInfo = laws.find((l) => l.id === law)!;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor.role, "controls.evaluate") && (
            <ActionButton
              action={evaluateControlsAction}
              fields={{}}
              label={tc("evaluateNow")}
              pendingLabel={tc("evaluating")}
              variant="secondary"
            />
          )
        }
      />
      <nav aria-label={t("lawsNav")} className="mb-4 flex flex-wrap gap-2">
        {laws.map((l) => (
          <Link
            key={l.id}
            href={`/compliance?law=${l.id}`}
            aria-current={l.id === law ? "page" : undefined}
            className={
              l.id === law
                ? "rounded-full bg-brand-600 px-3 py-1 text-sm text-white"
                : "rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
            }
          >
            {l.name[locale]}
          </Link>
        ))}
      </nav>
      <Card className="mb-4">
        <p className="text-sm text-slate-700" data-testid="law-source">
          {t("source", { source: lawInfo.source, inForce: lawInfo.inForce })}
        </p>
        <p className="mt-1 text-xs text-slate-500">{t("summaryNote")}</p>
      </Card>
      <RecordTable
        variant="panel"
        caption={lawInfo.name[locale]}
        rows={rows}
        rowKey={(r) => r.req.key}
        rowTestId={(r) => `requirement-${r.req.key}`}
        empty={{ title: t("empty") }}
        columns={[
          {
            header: t("article"),
            width: "w-28",
            cell: (r) => <span className="whitespace-nowrap tabular-nums">{r.req.article}</span>,
          },
          {
            header: t("requirement"),
            rowHeader: true,
            cell: (r) => (
              <div className="max-w-md">
                <p className="font-medium text-slate-900">{r.req.title[locale]}</p>
                <p className="mt-0.5 text-xs text-slate-600">{r.req.summary[locale]}</p>
                <p className="mt-0.5 text-xs text-slate-400">
                  {t("version", { version: r.req.version, inForce: r.req.inForce })}
                  {r.req.verify && ` · ${t("verify")}`}
                </p>
              </div>
            ),
          },
          {
            header: t("controls"),
            cell: (r) =>
              r.mapped.length === 0 ? (
                <span className="text-xs text-slate-500">{t("noControls")}</span>
              ) : (
                <ul className="space-y-1.5">
                  {r.mapped.map((c) => {
                    const e = latest.get(c.id);
                    return (
                      <li key={c.id} className="text-xs">
                        <Link
                          href={`/compliance/controls/${c.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {c.title[locale]}
                        </Link>{" "}
                        <ControlStatusBadge status={e?.status ?? "no_data"} />{" "}
                        {e && (
                          <EvidenceFigure numerator={e.numerator} denominator={e.denominator} />
                        )}
                        <div className="mt-0.5">
                          <ControlTrend points={history.filter((h) => h.controlId === c.id)} />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              ),
          },
          {
            header: t("status"),
            cell: (r) =>
              r.mapped.length === 0 ? (
                <span className="text-xs text-slate-500">{t("assessedInAudits")}</span>
              ) : (
                <ControlStatusBadge status={r.status} />
              ),
          },
        ]}
      />
    </>
  );
}
