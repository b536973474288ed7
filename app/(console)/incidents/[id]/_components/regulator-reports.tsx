import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import type { RegulatorReport } from "@/lib/incidents/response/reports";
import { defaultReportLocale } from "@/lib/incidents/response/report-pdf";
import { ReportPrepareForm } from "./report-prepare-form";
import { ReportSubmissionForm } from "./report-submission-form";

/** The incident's reports to regulators: each kind's versions, their PDFs and filings. */
export async function RegulatorReports({
  incidentId,
  kinds,
  reports,
  canManage,
}: {
  incidentId: string;
  kinds: Array<"cac" | "gdpr33">;
  reports: RegulatorReport[];
  canManage: boolean;
}) {
  const t = await getTranslations("incidentResponse.reports");
  return (
    <Card title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("description")}</p>
      {kinds.length === 0 && <p className="text-sm text-slate-500">{t("notAvailable")}</p>}
      <div className="space-y-6">
        {kinds.map((kind) => {
          const versions = reports.filter((r) => r.kind === kind);
          const latest = versions.at(-1);
          const closed = latest?.stage === "final" && latest.submittedAt !== null;
          const draft = latest && latest.submittedAt === null ? latest : undefined;
          const other = defaultReportLocale(kind) === "zh-CN" ? "en" : "zh-CN";
          return (
            <section key={kind} aria-labelledby={`report-${kind}`} data-testid={`report-${kind}`}>
              <h3 id={`report-${kind}`} className="mb-2 text-sm font-semibold text-slate-900">
                {t(`kinds.${kind}`)}
              </h3>
              {versions.length === 0 && <p className="text-sm text-slate-500">{t("none")}</p>}
              <ul className="mb-3 divide-y divide-slate-100">
                {versions.map((r) => {
                  const href = `/incidents/${incidentId}/reports/${r.id}`;
                  return (
                    <li key={r.id} className="py-2 text-sm">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <span className="font-medium text-slate-900">
                          {t("version", { version: r.version, stage: t(`stages.${r.stage}`) })}
                        </span>
                        <span className="flex gap-3">
                          <a href={href} className="text-brand-700 hover:underline" download>
                            {t("download")}
                          </a>
                          <a
                            href={`${href}?lang=${other}`}
                            className="text-slate-600 hover:underline"
                            download
                          >
                            {t("downloadIn", { language: t(`languages.${other}`) })}
                          </a>
                        </span>
                      </div>
                      <p className="text-xs text-slate-600">
                        {t("preparedAt")} <EventTime iso={r.updatedAt.toISOString()} /> ·{" "}
                        {r.submittedAt ? (
                          <>
                            <Badge tone="green">{t("filed")}</Badge>{" "}
                            <EventTime iso={r.submittedAt.toISOString()} /> ·{" "}
                            {t(`channels.${r.channel}`)}
                            {r.submissionReference &&
                              ` · ${t("submittedReference", { reference: r.submissionReference })}`}
                          </>
                        ) : (
                          <Badge tone="amber">{t("notSubmitted")}</Badge>
                        )}
                      </p>
                      {canManage && !r.submittedAt && <ReportSubmissionForm reportId={r.id} />}
                    </li>
                  );
                })}
              </ul>
              {canManage && !closed && (
                <ReportPrepareForm
                  incidentId={incidentId}
                  kind={kind}
                  stages={
                    (draft ? draft.version : (latest?.version ?? 0) + 1) === 1
                      ? ["initial"]
                      : ["supplementary", "final"]
                  }
                  defaults={(draft ?? latest)?.content ?? {}}
                  label={draft ? t("editDraft") : latest ? t("prepareNext") : t("prepare")}
                />
              )}
            </section>
          );
        })}
      </div>
    </Card>
  );
}
