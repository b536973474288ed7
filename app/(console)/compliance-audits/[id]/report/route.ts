import { auditReportCsv } from "@/lib/compliance-audits/report";
import { isId } from "@/lib/compliance-audits/schemas";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { localeOfRequest } from "@/lib/core/i18n/locale";
import { translator } from "@/lib/core/i18n/translator";

/** The audit's report as CSV; each download is recorded in the audit chain. */
export const GET = defineRoute("compliance_audits.export", async (ctx, request, { params }) => {
  const { id } = await params;
  if (typeof id !== "string" || !isId(id)) throw new AppError("notFound");
  const locale = localeOfRequest(request);
  const report = await auditReportCsv(
    ctx.tx,
    ctx.orgId,
    id,
    await translator("complianceAudits"),
    locale,
  );
  if (!report) throw new AppError("notFound");
  await ctx.audit({
    action: "compliance_audit.report_downloaded",
    targetType: "compliance_audit",
    targetId: id,
    details: { format: "csv", findings: report.findings },
  });
  return new Response(report.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compliance-audit-${id.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
