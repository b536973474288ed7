import { defineRoute } from "@/lib/core/actions/define-route";
import { auditCsv, auditCsvColumns } from "@/lib/core/audit/export";
import { translator } from "@/lib/core/i18n/translator";
import { actionLabel } from "@/lib/core/audit/action-label";
import { activeFilterNames, parseAuditSearchParams, toAuditFilters } from "../search-params";
import { todayIso } from "@/lib/core/dates";

/** The current filter of the audit log as CSV; the export is itself recorded in the chain. */
export const GET = defineRoute("audit.export", async ({ tx, audit, user }, request) => {
  const params = parseAuditSearchParams(new URL(request.url).searchParams);
  const t = await translator("audit");
  const headers = Object.fromEntries(auditCsvColumns.map((c) => [c, t(`csv.${c}`)])) as Record<
    (typeof auditCsvColumns)[number],
    string
  >;
  const { csv, rows } = await auditCsv(tx, toAuditFilters(params), headers, (a) =>
    actionLabel(t, a),
  );
  await audit({
    action: "audit.exported",
    targetType: "audit_log",
    details: { filters: activeFilterNames(params), rows },
  });
  // The file is named after today's date on the organisation's clock, as the page shows dates.
  const day = todayIso(new Date(), user.timeZone);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
