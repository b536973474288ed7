import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { organizations, policyDocuments, policyVersions, purposes, vendors } from "@/db/schema";
import { isUniqueViolation } from "@/db/tenant";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { basisField, lawIds } from "./options";
import type { PurposeCreateInput, PurposeFields, PurposeUpdateInput } from "./schema";
import { changedFields, purposeValues, type PurposeValues } from "./values";

const byId = (orgId: string, id: string) => and(eq(purposes.orgId, orgId), eq(purposes.id, id));

/** A basis only under the organisation's own laws (the form offers no other): a purpose is offered under the laws it is subject to. */
async function assertLawsDeclared(ctx: TenantContext, values: PurposeValues): Promise<void> {
  const [org] = await ctx.tx.select({ jurisdictions: organizations.jurisdictions }).from(organizations).where(eq(organizations.id, ctx.orgId));
  const undeclared = lawIds.filter((law) => values.bases[law] !== undefined && !org?.jurisdictions.includes(law));
  if (undeclared.length > 0) throw new AppError("invalid", Object.fromEntries(undeclared.map((law) => [basisField(law), "purposeLawNotDeclared"])));
}

/** Recipients are active vendors of this organisation; ones already linked may stay after being archived. */
async function assertRecipients(ctx: TenantContext, ids: string[], alreadyLinked: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.tx.select({ id: vendors.id, archivedAt: vendors.archivedAt }).from(vendors)
    .where(and(eq(vendors.orgId, ctx.orgId), inArray(vendors.id, ids)));
  const usable = found.filter((v) => v.archivedAt === null || alreadyLinked.includes(v.id));
  if (usable.length !== ids.length) throw new AppError("invalid", { recipientVendorIds: "choice" });
}

/** The describing document must be a public one of this organisation; its published version is recorded. */
async function describingVersion(ctx: TenantContext, documentId: string | null): Promise<string | null> {
  if (!documentId) return null;
  const [doc] = await ctx.tx.select({ id: policyDocuments.id }).from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, ctx.orgId), eq(policyDocuments.id, documentId), eq(policyDocuments.internal, false)));
  if (!doc) throw new AppError("invalid", { policyDocumentId: "choice" });
  const [published] = await ctx.tx.select({ id: policyVersions.id }).from(policyVersions)
    .where(and(eq(policyVersions.orgId, ctx.orgId), eq(policyVersions.documentId, documentId), eq(policyVersions.status, "published")));
  return published?.id ?? null;
}

async function checkedValues(ctx: TenantContext, input: PurposeFields, alreadyLinked: string[]) {
  const values = purposeValues(input);
  await assertLawsDeclared(ctx, values);
  await assertRecipients(ctx, values.recipientVendorIds, alreadyLinked);
  return { ...values, policyVersionId: await describingVersion(ctx, values.policyDocumentId) };
}

const codeTaken = () => new AppError("conflict", { identifier: "purposeCodeTaken" });

export async function createPurpose(ctx: TenantContext, input: PurposeCreateInput): Promise<string> {
  const values = await checkedValues(ctx, input, []);
  const [taken] = await ctx.tx.select({ id: purposes.id }).from(purposes).where(and(eq(purposes.orgId, ctx.orgId), eq(purposes.code, input.identifier)));
  if (taken) throw codeTaken();
  const row = await ctx.tx.insert(purposes).values({ orgId: ctx.orgId, code: input.identifier, ...values }).returning({ id: purposes.id })
    .then(([r]) => r, (error: unknown) => { throw isUniqueViolation(error) ? codeTaken() : error; });
  await ctx.audit({ action: "purpose.created", targetType: "purpose", targetId: row.id, details: { code: input.identifier } });
  return row.id;
}

/**
 * Saves an edit made on the version the form was opened with (`version` = its updated_at), so two
 * people editing at once cannot silently overwrite each other. The code never changes: the
 * platform's API calls use it. Audits the code and the changed field names.
 */
export async function updatePurpose(ctx: TenantContext, input: PurposeUpdateInput): Promise<{ changed: string[] }> {
  const { id, version, ...fields } = input;
  const [current] = await ctx.tx.select().from(purposes).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (current.archivedAt !== null || current.updatedAt.toISOString() !== version) throw new AppError("conflict");

  const values = await checkedValues(ctx, fields, current.recipientVendorIds);
  const changed = changedFields(current, values);
  if (changed.length > 0) await ctx.tx.update(purposes).set({ ...values, updatedAt: sql`now()` }).where(byId(ctx.orgId, id));
  await ctx.audit({ action: "purpose.updated", targetType: "purpose", targetId: id, details: { code: current.code, fields: changed } });
  return { changed };
}

/** Archived purposes leave the catalogue the platform and the preference center offer; restoring brings them back. */
export async function setPurposeArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  const [current] = await ctx.tx.select({ code: purposes.code, archivedAt: purposes.archivedAt }).from(purposes).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if ((current.archivedAt !== null) === archived) throw new AppError("conflict");
  await ctx.tx.update(purposes)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(and(byId(ctx.orgId, id), archived ? isNull(purposes.archivedAt) : isNotNull(purposes.archivedAt)));
  await ctx.audit({ action: archived ? "purpose.archived" : "purpose.restored", targetType: "purpose", targetId: id, details: { code: current.code } });
}
