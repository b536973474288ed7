import { auditReportCsv, auditReportData } from "@/lib/compliance-audits/report";
import { auditReportPdf } from "@/lib/compliance-audits/report-pdf";
import { isId } from "@/lib/compliance-audits/schemas";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { localeOfRequest } from "@/lib/core/i18n/locale";
import { translator } from "@/lib/core/i18n/translator";

/** The audit's report as PDF (`?format=csv` for the CSV); each download is recorded in the audit chain. */
export const GET = defineRoute("compliance_audits.export", async (ctx, request, { params }) => {
  const { id } = await params;
  if (typeof id !== "string" || !isId(id)) throw new AppError("notFound");
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "pdf";
  const locale = localeOfRequest(request);
  const data = await auditReportData(ctx.tx, ctx.orgId, id);
  if (!data) throw new AppError("notFound");
  const t = await translator("complianceAudits");
  await ctx.audit({
    action: "compliance_audit.report_downloaded",
    targetType: "compliance_audit",
    targetId: id,
    details: { format, findings: data.findings.length },
  });
  const name = `compliance-audit-${id.slice(0, 8)}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv")
    return new Response(auditReportCsv(data, t, locale), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    });
  return new Response(new Uint8Array(await auditReportPdf(data, t, locale)), {
    headers: { ...headers, "Content-Type": "application/pdf" },
  });
});
