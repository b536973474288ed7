import "server-only";
import { controlById } from "@/lib/controls/catalogue";
import type { AppLocale } from "@/lib/core/i18n/locale";
import type { Translate } from "@/lib/core/i18n/translator";
import { renderPdf, type PdfSpec } from "@/lib/core/pdf";
import { requirementVersion } from "@/lib/requirements/versions";
import type { AuditReportData } from "./report";

const figure = (n: number | null, d: number | null) =>
  n === null || d === null || d === 0 ? null : `${Math.floor((n / d) * 1000) / 10}% (${n}/${d})`;

/** The audit report as a document: the same sections as the CSV, set by the one PDF renderer. */
export function auditReportSpec(
  { audit, evidence, checklist, findings }: AuditReportData,
  t: Translate,
  locale: AppLocale,
  generatedAt = new Date(),
): PdfSpec {
  return {
    title: audit.title,
    subtitle: t("report.subtitle"),
    locale,
    generatedAt,
    blocks: [
      { kind: "heading", text: t("report.section.audit") },
      {
        kind: "keyValue",
        rows: [
          [
            t("fields.kind"),
            [t(`kinds.${audit.kind}`), audit.regulatorOrder].filter(Boolean).join(" · "),
          ],
          [t("fields.scope"), audit.scope],
          [t("fields.laws"), audit.laws.join(", ")],
          [t("fields.auditor"), `${audit.auditorName} (${t(`auditorTypes.${audit.auditorType}`)})`],
          [t("fields.planned"), `${audit.plannedStart} – ${audit.plannedEnd}`],
          [t("fields.actual"), `${audit.actualStart ?? "…"} – ${audit.actualEnd ?? "…"}`],
          [t("fields.status"), t(`statuses.${audit.status}`)],
          [t("fields.conclusion"), audit.conclusion],
        ],
      },
      { kind: "heading", text: t("report.section.evidence") },
      {
        kind: "table",
        columns: [
          { label: t("report.control"), width: 3 },
          { label: t("report.status"), width: 1.2 },
          { label: t("report.figure"), width: 1.5 },
        ],
        rows: evidence.map((e) => [
          controlById(e.controlId)?.title[locale] ?? e.controlId,
          t(`report.controlStatus.${e.status}`),
          figure(e.numerator, e.denominator),
        ]),
      },
      { kind: "heading", text: t("report.section.checklist") },
      {
        kind: "table",
        columns: [
          { label: t("report.article"), width: 1.4 },
          { label: t("checklist.requirement"), width: 3 },
          { label: t("checklist.result"), width: 1.2 },
          { label: t("checklist.note"), width: 2.4 },
        ],
        rows: checklist.map((c) => {
          const req = requirementVersion(c.requirementKey, c.requirementVersion);
          return [
            req ? `${req.law} ${req.article}` : c.requirementKey,
            req?.title[locale] ?? c.requirementKey,
            t(`checklist.results.${c.result}`),
            c.note,
          ];
        }),
      },
      { kind: "heading", text: t("report.section.findings") },
      {
        kind: "table",
        columns: [
          { label: t("finding.title"), width: 2.4 },
          { label: t("finding.severity"), width: 1.3 },
          { label: t("finding.department"), width: 1 },
          { label: t("finding.owner"), width: 1 },
          { label: t("finding.dueOn"), width: 1.1 },
          { label: t("fields.status"), width: 1 },
        ],
        rows: findings.map((f) => [
          f.title,
          t(`severities.${f.severity}`),
          f.department,
          f.owner,
          f.dueOn,
          t(`findingStatuses.${f.status}`),
        ]),
      },
    ],
  };
}

export const auditReportPdf = (
  data: AuditReportData,
  t: Translate,
  locale: AppLocale,
): Promise<Buffer> => renderPdf(auditReportSpec(data, t, locale));
