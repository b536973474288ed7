import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { incidentAffectedSets, incidentNotices, incidents } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { openStatuses } from "../transitions";
import type { NoticeDraftInput } from "./schemas";

async function lockOpenIncident(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  if (!openStatuses.includes(row.status))
    throw new AppError("conflict", undefined, "incidentClosed");
  return row;
}

/** Saves the wording of the incident's notice (its one draft), to be previewed before it is sent. */
export async function saveNoticeDraft(ctx: TenantContext, input: NoticeDraftInput): Promise<void> {
  await lockOpenIncident(ctx, input.id);
  const draft = and(
    eq(incidentNotices.orgId, ctx.orgId),
    eq(incidentNotices.incidentId, input.id),
    eq(incidentNotices.status, "draft"),
  );
  const [existing] = await ctx.tx
    .select({ id: incidentNotices.id })
    .from(incidentNotices)
    .where(draft);
  let noticeId = existing?.id;
  if (existing) await ctx.tx.update(incidentNotices).set({ texts: input.texts }).where(draft);
  else
    [{ id: noticeId }] = await ctx.tx
      .insert(incidentNotices)
      .values({
        orgId: ctx.orgId,
        incidentId: input.id,
        texts: input.texts,
        createdBy: actingUser(ctx),
      })
      .returning({ id: incidentNotices.id });
  await ctx.audit({
    action: "incident.notice_drafted",
    targetType: "incident",
    targetId: input.id,
    details: { notice: noticeId!, created: !existing },
  });
}

/**
 * Sends the previewed draft to the selection committed with the incident (the job queues one
 * message per person, after commit). A drill never notifies anyone; a selection is told once.
 */
export async function sendNotice(
  ctx: TenantContext,
  input: { id: string },
): Promise<{ orgId: string; noticeId: string }> {
  const incident = await lockOpenIncident(ctx, input.id);
  if (incident.drill) throw new AppError("conflict", undefined, "drillNeverNotifies");
  const [set] = await ctx.tx
    .select({ id: incidentAffectedSets.id, matched: incidentAffectedSets.matched })
    .from(incidentAffectedSets)
    .where(
      and(
        eq(incidentAffectedSets.orgId, ctx.orgId),
        eq(incidentAffectedSets.incidentId, input.id),
        eq(incidentAffectedSets.status, "committed"),
      ),
    );
  if (!set) throw new AppError("conflict", undefined, "noticeNoSelection");
  const notices = await ctx.tx
    .select({
      id: incidentNotices.id,
      status: incidentNotices.status,
      setId: incidentNotices.setId,
    })
    .from(incidentNotices)
    .where(
      and(
        eq(incidentNotices.orgId, ctx.orgId),
        eq(incidentNotices.incidentId, input.id),
        inArray(incidentNotices.status, ["draft", "sending", "sent"]),
      ),
    );
  if (notices.some((n) => n.setId === set.id))
    throw new AppError("conflict", undefined, "noticeAlreadySent");
  const draft = notices.find((n) => n.status === "draft");
  if (!draft) throw new AppError("conflict", undefined, "noticeNoDraft");
  await ctx.tx
    .update(incidentNotices)
    .set({
      status: "sending",
      setId: set.id,
      total: set.matched,
      sentBy: actingUser(ctx),
      sentAt: sql`now()`,
    })
    .where(and(eq(incidentNotices.orgId, ctx.orgId), eq(incidentNotices.id, draft.id)));
  await ctx.audit({
    action: "incident.notice_started",
    targetType: "incident",
    targetId: input.id,
    details: { notice: draft.id, set: set.id, people: set.matched },
  });
  return { orgId: ctx.orgId, noticeId: draft.id };
}
