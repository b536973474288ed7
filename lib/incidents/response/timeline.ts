import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  auditEvents,
  incidentClockAlerts,
  incidentEvidenceFiles,
  incidentTimelineEntries,
  incidents,
  users,
} from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { cleanFileName, detectFileKind } from "@/lib/core/files/file-type";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";

/** Adds a manual entry, with its evidence file when one is given (type judged by content). */
export async function addTimelineEntry(
  ctx: TenantContext,
  input: {
    incidentId: string;
    instant: Date;
    note: string;
    file?: { name: string; bytes: Uint8Array };
  },
): Promise<string> {
  const [incident] = await ctx.tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, input.incidentId)));
  if (!incident) throw new AppError("notFound");
  const kind = input.file ? detectFileKind(input.file.bytes) : undefined;
  if (input.file && !kind) throw new AppError("invalid", { file: "fileType" });
  const [entry] = await ctx.tx
    .insert(incidentTimelineEntries)
    .values({
      orgId: ctx.orgId,
      incidentId: input.incidentId,
      occurredAt: input.instant,
      note: input.note,
      createdBy: actingUser(ctx),
    })
    .returning({ id: incidentTimelineEntries.id });
  if (input.file && kind) {
    await ctx.tx.insert(incidentEvidenceFiles).values({
      orgId: ctx.orgId,
      entryId: entry.id,
      fileName: cleanFileName(input.file.name),
      kind,
      size: input.file.bytes.length,
      content: Buffer.from(input.file.bytes),
    });
  }
  await ctx.audit({
    action: "incident.timeline_entry_added",
    targetType: "incident",
    targetId: input.incidentId,
    details: {
      entry: entry.id,
      ...(input.file && kind && { fileKind: kind, fileSize: input.file.bytes.length }),
    },
  });
  return entry.id;
}

/** An evidence file's bytes, the download recorded in the same transaction. */
export async function downloadEvidence(ctx: TenantContext, entryId: string) {
  const [row] = await ctx.tx
    .select({ file: incidentEvidenceFiles, incidentId: incidentTimelineEntries.incidentId })
    .from(incidentEvidenceFiles)
    .innerJoin(
      incidentTimelineEntries,
      and(
        eq(incidentTimelineEntries.orgId, incidentEvidenceFiles.orgId),
        eq(incidentTimelineEntries.id, incidentEvidenceFiles.entryId),
      ),
    )
    .where(
      and(eq(incidentEvidenceFiles.orgId, ctx.orgId), eq(incidentEvidenceFiles.entryId, entryId)),
    );
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "incident.evidence_downloaded",
    targetType: "incident",
    targetId: row.incidentId,
    details: { entry: entryId, kind: row.file.kind, size: row.file.size },
  });
  return row.file;
}

/** What the timeline recorded by itself comes from the audit log: these events of the incident. */
const automatic = [
  "incident.reported",
  "incident.triaged",
  "incident.grade_confirmed",
  "incident.status_changed",
  "incident.clock_marked",
  "incident.report_prepared",
  "incident.report_submitted",
  "incident.reviewed",
] as const;

export type TimelineItem =
  | { kind: "discovered"; at: Date }
  | { kind: "clockPassed"; at: Date; rule: string }
  | {
      kind: "event";
      at: Date;
      action: (typeof automatic)[number];
      details: Record<string, unknown>;
      actor: string | null;
    }
  | {
      kind: "manual";
      at: Date;
      id: string;
      note: string;
      actor: string;
      file: { name: string; kind: string; size: number } | null;
    };

/**
 * The incident's timeline, oldest first: its discovery, the status changes, clock events and
 * reports the audit log holds for it, the clocks that passed, and the manual entries.
 */
export async function incidentTimeline(
  tx: Tx,
  orgId: string,
  incident: { id: string; discoveredAt: Date },
): Promise<TimelineItem[]> {
  const events = await tx
    .select({
      at: auditEvents.occurredAt,
      action: auditEvents.action,
      details: auditEvents.details,
      actor: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(sql`${users.id}::text`, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        eq(auditEvents.targetType, "incident"),
        eq(auditEvents.targetId, incident.id),
        inArray(auditEvents.action, [...automatic]),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  const passed = await tx
    .select({ at: incidentClockAlerts.dueAt, rule: incidentClockAlerts.ruleKey })
    .from(incidentClockAlerts)
    .where(
      and(eq(incidentClockAlerts.orgId, orgId), eq(incidentClockAlerts.incidentId, incident.id)),
    );
  const manual = await tx
    .select({
      id: incidentTimelineEntries.id,
      at: incidentTimelineEntries.occurredAt,
      note: incidentTimelineEntries.note,
      actor: users.name,
      fileName: incidentEvidenceFiles.fileName,
      fileKind: incidentEvidenceFiles.kind,
      fileSize: incidentEvidenceFiles.size,
    })
    .from(incidentTimelineEntries)
    .innerJoin(users, eq(users.id, incidentTimelineEntries.createdBy))
    .leftJoin(
      incidentEvidenceFiles,
      and(
        eq(incidentEvidenceFiles.orgId, incidentTimelineEntries.orgId),
        eq(incidentEvidenceFiles.entryId, incidentTimelineEntries.id),
      ),
    )
    .where(
      and(
        eq(incidentTimelineEntries.orgId, orgId),
        eq(incidentTimelineEntries.incidentId, incident.id),
      ),
    );
  const items: TimelineItem[] = [
    { kind: "discovered", at: incident.discoveredAt },
    ...events.map((e) => ({
      kind: "event" as const,
      at: new Date(e.at),
      action: e.action as (typeof automatic)[number],
      details: (e.details ?? {}) as Record<string, unknown>,
      actor: e.actor,
    })),
    ...passed.map((p) => ({ kind: "clockPassed" as const, at: p.at, rule: p.rule })),
    ...manual.map((m) => ({
      kind: "manual" as const,
      at: m.at,
      id: m.id,
      note: m.note,
      actor: m.actor,
      file: m.fileName ? { name: m.fileName, kind: m.fileKind!, size: m.fileSize! } : null,
    })),
  ];
  // A stable sort keeps the audit log's order among events of the same instant.
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}
