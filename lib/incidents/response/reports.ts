import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { incidentRegulatorReports, incidents } from "@/db/schema";
import type { RegulatorReportKind } from "@/db/schema/incident-response";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { openStatuses } from "../transitions";
import { reportFacts } from "./facts";
import {
  reportContentFields,
  type ReportPrepareInput,
  type ReportSubmissionInput,
} from "./schemas";

const reports = incidentRegulatorReports;

async function lockIncident(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

/** Which reports an incident can have: the CAC's for any incident, GDPR Art. 33 for a breach. */
export function reportKindsFor(classification: string | null): RegulatorReportKind[] {
  if (classification === "pi_breach") return ["cac", "gdpr33"];
  if (classification === "security_incident") return ["cac"];
  return [];
}

async function latestVersion(ctx: TenantContext, incidentId: string, kind: RegulatorReportKind) {
  const [row] = await ctx.tx
    .select()
    .from(reports)
    .where(
      and(eq(reports.orgId, ctx.orgId), eq(reports.incidentId, incidentId), eq(reports.kind, kind)),
    )
    .orderBy(desc(reports.version))
    .limit(1);
  return row;
}

/**
 * Prepares the next version of a report from the incident as it stands and what the officer
 * wrote. The first version is the initial report, later ones supplementary or final; after a
 * submitted final report there is none. A version not yet submitted is prepared again in place.
 */
export async function prepareReport(
  ctx: TenantContext,
  input: ReportPrepareInput,
): Promise<{ id: string; version: number }> {
  const incident = await lockIncident(ctx, input.incidentId);
  if (!openStatuses.includes(incident.status))
    throw new AppError("conflict", undefined, "incidentClosed");
  if (!reportKindsFor(incident.classification).includes(input.kind))
    throw new AppError("invalid", { kind: "choice" });
  const latest = await latestVersion(ctx, input.incidentId, input.kind);
  const draft = latest && latest.submittedAt === null ? latest : undefined;
  const version = draft ? draft.version : (latest?.version ?? 0) + 1;
  if (latest?.submittedAt && latest.stage === "final")
    throw new AppError("conflict", undefined, "reportFinalFiled");
  if ((version === 1) !== (input.stage === "initial"))
    throw new AppError("invalid", {
      stage: version === 1 ? "reportFirstInitial" : "reportInitialOnce",
    });
  const content = Object.fromEntries(
    reportContentFields[input.kind].flatMap((field) =>
      input[field] ? [[field, input[field] as string]] : [],
    ),
  );
  const facts = await reportFacts(ctx.tx, ctx.orgId, input.incidentId);
  let id: string;
  if (draft) {
    await ctx.tx
      .update(reports)
      .set({
        stage: input.stage,
        content,
        facts: { ...facts },
        preparedBy: actingUser(ctx),
        updatedAt: sql`now()`,
      })
      .where(and(eq(reports.orgId, ctx.orgId), eq(reports.id, draft.id)));
    id = draft.id;
  } else {
    const [row] = await ctx.tx
      .insert(reports)
      .values({
        orgId: ctx.orgId,
        incidentId: input.incidentId,
        kind: input.kind,
        version,
        stage: input.stage,
        facts: { ...facts },
        content,
        preparedBy: actingUser(ctx),
      })
      .returning({ id: reports.id });
    id = row.id;
  }
  await ctx.audit({
    action: "incident.report_prepared",
    targetType: "incident",
    targetId: input.incidentId,
    details: {
      report: id,
      kind: input.kind,
      version,
      stage: input.stage,
      fields: Object.keys(content),
    },
  });
  return { id, version };
}

/** Records when, how and under which reference the officer filed a version; once, and not before discovery. */
export async function recordSubmission(
  ctx: TenantContext,
  input: ReportSubmissionInput,
): Promise<string> {
  const [report] = await ctx.tx
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.id, input.reportId)))
    .for("update");
  if (!report) throw new AppError("notFound");
  const incident = await lockIncident(ctx, report.incidentId);
  if (report.submittedAt) throw new AppError("conflict", undefined, "reportAlreadySubmitted");
  if (input.instant < incident.discoveredAt)
    throw new AppError("invalid", { on: "beforeDiscovery" });
  await ctx.tx
    .update(reports)
    .set({
      submittedAt: input.instant,
      channel: input.channel,
      submissionReference: input.reference ?? null,
      submittedBy: actingUser(ctx),
      updatedAt: sql`now()`,
    })
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.id, report.id)));
  await ctx.audit({
    action: "incident.report_submitted",
    targetType: "incident",
    targetId: report.incidentId,
    details: {
      report: report.id,
      kind: report.kind,
      version: report.version,
      stage: report.stage,
      channel: input.channel,
    },
  });
  return report.incidentId;
}

/** One version for its PDF; the download is recorded in the same transaction. */
export async function downloadReport(ctx: TenantContext, reportId: string) {
  const [row] = await ctx.tx
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.id, reportId)));
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "incident.report_downloaded",
    targetType: "incident",
    targetId: row.incidentId,
    details: { report: row.id, kind: row.kind, version: row.version },
  });
  return row;
}

export type RegulatorReport = typeof reports.$inferSelect;

/** Every version of the incident's reports, by kind and version. */
export async function reportsOf(ctx: Pick<TenantContext, "tx" | "orgId">, incidentId: string) {
  return ctx.tx
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.incidentId, incidentId)))
    .orderBy(reports.kind, reports.version);
}
