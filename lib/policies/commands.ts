import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { policyDocuments, policyVersions, type PolicyLocale, type PolicyStatus } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { markReconsent } from "@/lib/purposes/reconsent";
import { todayIso } from "@/lib/core/dates";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import type { PublishTiming } from "./publish-timing";
import type { PolicyDocumentInput, VersionFields } from "./schemas";

type Version = typeof policyVersions.$inferSelect;
const openStatuses: PolicyStatus[] = ["draft", "in_review", "approved"];
const versionTarget = (v: Pick<Version, "id" | "documentId" | "version">) => ({
  targetType: "policy",
  targetId: v.documentId,
  details: { versionId: v.id, version: v.version },
});

export async function createDocument(
  ctx: TenantContext,
  input: PolicyDocumentInput,
): Promise<string> {
  const [taken] = await ctx.tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, ctx.orgId), eq(policyDocuments.slug, input.slug)));
  if (taken) throw new AppError("conflict", { slug: "slugTaken" });
  const [row] = await ctx.tx
    .insert(policyDocuments)
    .values({
      orgId: ctx.orgId,
      kind: input.kind,
      slug: input.slug,
      title: { "zh-CN": input.titleZh, en: input.titleEn },
    })
    .returning({ id: policyDocuments.id });
  await ctx.audit({
    action: "policy.created",
    targetType: "policy",
    targetId: row.id,
    details: { kind: input.kind },
  });
  return row.id;
}

/**
 * Starts the next version as a draft, copying the newest version's text so the author edits a
 * change rather than retyping. A document has at most one version in progress.
 */
export async function draftVersion(
  ctx: TenantContext,
  documentId: string,
  today = todayIso(),
): Promise<string> {
  const [doc] = await ctx.tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, ctx.orgId), eq(policyDocuments.id, documentId)))
    .for("update");
  if (!doc) throw new AppError("notFound");
  const versions = await ctx.tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, ctx.orgId), eq(policyVersions.documentId, documentId)));
  if (versions.some((v) => openStatuses.includes(v.status))) throw new AppError("conflict");
  const latest = versions.sort((a, b) => b.version - a.version)[0];
  const [row] = await ctx.tx
    .insert(policyVersions)
    .values({
      orgId: ctx.orgId,
      documentId,
      version: (latest?.version ?? 0) + 1,
      authorId: actingUser(ctx),
      content: latest?.content ?? { "zh-CN": "", en: "" },
      summary: latest?.summary ?? { "zh-CN": "", en: "" },
      authoritativeLocale: latest?.authoritativeLocale ?? "zh-CN",
      effectiveOn: today,
    })
    .returning();
  await ctx.audit({ action: "policy.version_drafted", ...versionTarget(row) });
  return row.id;
}

async function lockVersion(
  ctx: TenantContext,
  id: string,
  expected: PolicyStatus,
): Promise<Version> {
  const [row] = await ctx.tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, ctx.orgId), eq(policyVersions.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  if (row.status !== expected) throw new AppError("conflict");
  return row;
}

const setVersion = (
  ctx: TenantContext,
  id: string,
  values: PgUpdateSetSource<typeof policyVersions>,
) =>
  ctx.tx
    .update(policyVersions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(policyVersions.orgId, ctx.orgId), eq(policyVersions.id, id)));

/** Where a version lives, for the page a step returns to. */
export interface VersionRef {
  documentId: string;
}

export async function saveDraft(ctx: TenantContext, input: VersionFields): Promise<VersionRef> {
  const row = await lockVersion(ctx, input.id, "draft");
  await setVersion(ctx, row.id, {
    content: { "zh-CN": input.contentZh, en: input.contentEn },
    summary: { "zh-CN": input.summaryZh, en: input.summaryEn },
    changeSummary: input.changeSummary,
    materialChange: input.materialChange,
    authoritativeLocale: input.authoritativeLocale,
    effectiveOn: input.effectiveOn,
  });
  await ctx.audit({ action: "policy.version_updated", ...versionTarget(row) });
  return { documentId: row.documentId };
}

export async function submitVersion(ctx: TenantContext, id: string): Promise<VersionRef> {
  const row = await lockVersion(ctx, id, "draft");
  const locale: PolicyLocale = row.authoritativeLocale;
  if (row.content[locale].trim() === "") throw new AppError("invalid", { content: "required" });
  await setVersion(ctx, id, { status: "in_review", submittedAt: sql`now()`, rejectionNote: null });
  await ctx.audit({ action: "policy.version_submitted", ...versionTarget(row) });
  return { documentId: row.documentId };
}

/**
 * Four-eyes: the person who wrote a version cannot approve it. With `publishOnEffective` and a
 * future effective date the daily job publishes it on that day.
 */
export async function approveVersion(
  ctx: TenantContext,
  id: string,
  publishOnEffective: boolean,
  today = todayIso(),
): Promise<VersionRef & { scheduled: boolean }> {
  const row = await lockVersion(ctx, id, "in_review");
  const approver = actingUser(ctx);
  if (row.authorId === approver) throw new AppError("forbidden", { fourEyes: "fourEyes" });
  const scheduled = publishOnEffective && row.effectiveOn > today;
  await setVersion(ctx, id, {
    status: "approved",
    approvedBy: approver,
    approvedAt: sql`now()`,
    publishOnEffective: scheduled,
  });
  await ctx.audit({ action: "policy.version_approved", ...versionTarget(row) });
  if (scheduled)
    await ctx.audit({
      action: "policy.version_scheduled",
      ...versionTarget(row),
      details: { ...versionTarget(row).details, effectiveOn: row.effectiveOn },
    });
  return { documentId: row.documentId, scheduled };
}

export async function rejectVersion(
  ctx: TenantContext,
  id: string,
  note: string,
): Promise<VersionRef> {
  const row = await lockVersion(ctx, id, "in_review");
  await setVersion(ctx, id, { status: "draft", rejectionNote: note, submittedAt: null });
  await ctx.audit({ action: "policy.version_rejected", ...versionTarget(row) });
  return { documentId: row.documentId };
}

/**
 * Publishes an approved version; the version published before it becomes superseded, in the same
 * transaction. A version whose effective date is still ahead needs a `timing`: without one the
 * server refuses, so nothing shows a version as in force before its date.
 */
export async function publishVersion(
  ctx: TenantContext,
  id: string,
  timing?: PublishTiming,
  today = todayIso(),
): Promise<VersionRef & { scheduled: boolean }> {
  const row = await lockVersion(ctx, id, "approved");
  if (row.effectiveOn > today) {
    if (!timing) throw new AppError("invalid", { timing: "futureEffective" });
    if (timing === "on_effective_date") {
      await setVersion(ctx, id, { publishOnEffective: true });
      await ctx.audit({
        action: "policy.version_scheduled",
        ...versionTarget(row),
        details: { ...versionTarget(row).details, effectiveOn: row.effectiveOn },
      });
      return { documentId: row.documentId, scheduled: true };
    }
    await setVersion(ctx, id, { effectiveOn: today });
    await ctx.audit({
      action: "policy.version_effective_date_changed",
      ...versionTarget(row),
      details: { ...versionTarget(row).details, from: row.effectiveOn, to: today },
    });
  }
  const previous = await ctx.tx
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, ctx.orgId),
        eq(policyVersions.documentId, row.documentId),
        eq(policyVersions.status, "published"),
      ),
    )
    .for("update");
  if (previous.length > 0) {
    await ctx.tx
      .update(policyVersions)
      .set({ status: "superseded", supersededAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(policyVersions.orgId, ctx.orgId),
          inArray(
            policyVersions.id,
            previous.map((p) => p.id),
          ),
        ),
      );
    for (const p of previous)
      await ctx.audit({ action: "policy.version_superseded", ...versionTarget(p) });
  }
  await setVersion(ctx, id, {
    status: "published",
    publishedAt: sql`now()`,
    publishOnEffective: false,
  });
  await ctx.audit({
    action: "policy.version_published",
    ...versionTarget(row),
    details: { ...versionTarget(row).details, materialChange: row.materialChange },
  });
  await markReconsent(ctx.tx, ctx.orgId, row.documentId, id, row.materialChange, ctx.audit);
  return { documentId: row.documentId, scheduled: false };
}
