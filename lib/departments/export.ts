import "server-only";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import type { Translate } from "@/lib/core/i18n/translator";
import type { DepartmentOverview } from "./overview";

/** The department page as CSV: one row per person, then the open findings it owns. Staff names only. */
export function departmentCsv(overview: DepartmentOverview, t: Translate, role: Translate): string {
  let csv = CSV_BOM;
  csv += csvRow([
    t("overview.person"),
    t("overview.role"),
    t("overview.acknowledged"),
    t("overview.required"),
    t("overview.openRequests"),
  ]);
  for (const p of overview.people)
    csv += csvRow([p.name, role(`roles.${p.role}`), p.acknowledged, p.required, p.openRequests]);
  csv += "\r\n";
  csv += csvRow([
    t("overview.course"),
    t("overview.completed"),
    t("overview.required"),
    t("overview.overdue"),
  ]);
  for (const c of overview.training)
    csv += csvRow([c.courseCode, c.completed, c.assigned, c.overdue]);
  csv += "\r\n";
  csv += csvRow([
    t("overview.finding"),
    t("overview.severity"),
    t("overview.owner"),
    t("overview.dueOn"),
    t("overview.status"),
  ]);
  for (const f of overview.findings)
    csv += csvRow([f.title, f.severity, f.owner, f.dueOn, f.status]);
  return csv;
}
