import "server-only";
import type { Tx } from "@/db/client";
import { controlById } from "@/lib/controls/catalogue";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import type { Translate } from "@/lib/core/i18n/translator";
import { requirementVersion } from "@/lib/requirements/versions";
import { checklistOf, evidenceOf, findingsOfAudit, getAudit } from "./queries";

/** What an audit's report holds: the audit, its evidence snapshot, checklist and findings. */
export async function auditReportData(tx: Tx, orgId: string, auditId: string) {
  const audit = await getAudit(tx, orgId, auditId);
  if (!audit) return undefined;
  return {
    audit,
    evidence: await evidenceOf(tx, orgId, auditId),
    checklist: await checklistOf(tx, orgId, auditId),
    findings: await findingsOfAudit(tx, orgId, auditId),
  };
}

export type AuditReportData = NonNullable<Awaited<ReturnType<typeof auditReportData>>>;

/**
 * The audit report as CSV: the audit, the controls' evidence as taken at its start, the checklist
 * and the findings, each section headed by a row. Names of owners only (staff), no customer's data.
 */
export function auditReportCsv(
  { audit, evidence, checklist, findings }: AuditReportData,
  t: Translate,
  locale: "zh-CN" | "en",
): string {
  let csv = CSV_BOM;
  csv += csvRow([t("report.section.audit")]);
  csv += csvRow([t("fields.title"), audit.title]);
  csv += csvRow([t("fields.kind"), t(`kinds.${audit.kind}`), audit.regulatorOrder]);
  csv += csvRow([t("fields.scope"), audit.scope]);
  csv += csvRow([t("fields.laws"), audit.laws.join(", ")]);
  csv += csvRow([t("fields.auditor"), audit.auditorName, t(`auditorTypes.${audit.auditorType}`)]);
  csv += csvRow([t("fields.planned"), audit.plannedStart, audit.plannedEnd]);
  csv += csvRow([t("fields.actual"), audit.actualStart, audit.actualEnd]);
  csv += csvRow([t("fields.status"), t(`statuses.${audit.status}`)]);
  csv += csvRow([t("fields.conclusion"), audit.conclusion]);
  csv += "\r\n" + csvRow([t("report.section.evidence")]);
  csv += csvRow([
    t("report.control"),
    t("report.status"),
    t("report.numerator"),
    t("report.denominator"),
    t("report.takenAt"),
  ]);
  for (const e of evidence)
    csv += csvRow([
      controlById(e.controlId)?.title[locale] ?? e.controlId,
      t(`report.controlStatus.${e.status}`),
      e.numerator,
      e.denominator,
      e.takenAt.toISOString(),
    ]);
  csv += "\r\n" + csvRow([t("report.section.checklist")]);
  csv += csvRow([
    t("report.law"),
    t("report.article"),
    t("checklist.requirement"),
    t("report.version"),
    t("checklist.result"),
    t("checklist.note"),
  ]);
  for (const c of checklist) {
    const req = requirementVersion(c.requirementKey, c.requirementVersion);
    csv += csvRow([
      req?.law,
      req?.article,
      req?.title[locale] ?? c.requirementKey,
      c.requirementVersion,
      t(`checklist.results.${c.result}`),
      c.note,
    ]);
  }
  csv += "\r\n" + csvRow([t("report.section.findings")]);
  csv += csvRow([
    t("finding.title"),
    t("finding.severity"),
    t("finding.requirement"),
    t("finding.department"),
    t("finding.owner"),
    t("finding.correctiveAction"),
    t("finding.dueOn"),
    t("fields.status"),
  ]);
  for (const f of findings)
    csv += csvRow([
      f.title,
      t(`severities.${f.severity}`),
      f.requirementKey,
      f.department,
      f.owner,
      f.correctiveAction,
      f.dueOn,
      t(`findingStatuses.${f.status}`),
    ]);
  return csv;
}
