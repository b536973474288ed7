import { and, eq } from "drizzle-orm";
import { incidents } from "@/db/schema";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { downloadHeaders } from "@/lib/core/files/file-type";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { downloadReport } from "@/lib/incidents/response/reports";
import {
  defaultReportLocale,
  regulatorReportPdf,
  reportFileName,
} from "@/lib/incidents/response/report-pdf";
import { isIncidentId } from "@/lib/incidents/schemas";

/**
 * One version of a report to a regulator as a PDF, in the regulator's language unless `?lang=`
 * asks for the other; every download is audited.
 */
export const GET = defineRoute("incidentRecords.read", async (ctx, request, { params }) => {
  const { id, reportId } = await params;
  if (typeof id !== "string" || typeof reportId !== "string") throw new AppError("notFound");
  if (!isIncidentId(id) || !isIncidentId(reportId)) throw new AppError("notFound");
  const report = await downloadReport(ctx, reportId);
  if (report.incidentId !== id) throw new AppError("notFound");
  const [incident] = await ctx.tx
    .select({ reference: incidents.reference })
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)));
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang ? asAppLocale(lang) : defaultReportLocale(report.kind);
  const pdf = await regulatorReportPdf(report, locale);
  return new Response(new Uint8Array(pdf), {
    headers: downloadHeaders(reportFileName(report, incident.reference, locale), "pdf"),
  });
});
