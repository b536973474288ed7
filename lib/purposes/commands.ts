import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { organizations, policyDocuments, policyVersions, purposes, vendors } from "@/db/schema";
import { isUniqueViolation } from "@/db/tenant";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { basisField, lawIds } from "./options";
import type { PurposeCreateInput, PurposeFields, PurposeUpdateInput } from "./schemas";
import { currentGrantCount } from "@/lib/consent/current-grants";
import { recordReconsent } from "./reconsent";
import { consentBased, purposeViolations, violationFields, type RecipientFacts } from "./rules";
import { changedFields, purposeValues, reconsentFields, type PurposeValues } from "./values";

const byId = (orgId: string, id: string) => and(eq(purposes.orgId, orgId), eq(purposes.id, id));

/** A basis only under the organisation's own laws (the form offers no other): a purpose is offered under the laws it is subject to. */
async function assertLawsDeclared(ctx: TenantContext, values: PurposeValues): Promise<void> {
  const [org] = await ctx.tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  const undeclared = lawIds.filter(
    (law) => values.bases[law] !== undefined && !org?.jurisdictions.includes(law),
  );
  if (undeclared.length > 0)
    throw new AppError(
      "invalid",
      Object.fromEntries(undeclared.map((law) => [basisField(law), "purposeLawNotDeclared"])),
    );
}

/**
 * Recipients are vendors of this organisation, active ones (those already linked may stay after
 * being archived); returns what the rules read of each.
 */
async function recipientFacts(
  ctx: TenantContext,
  ids: string[],
  alreadyLinked: string[],
): Promise<RecipientFacts[]> {
  if (ids.length === 0) return [];
  const found = await ctx.tx
    .select({
      id: vendors.id,
      name: vendors.name,
      role: vendors.handlerRole,
      country: vendors.country,
      archivedAt: vendors.archivedAt,
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, ctx.orgId), inArray(vendors.id, ids)));
  const usable = found.filter((v) => v.archivedAt === null || alreadyLinked.includes(v.id));
  if (usable.length !== ids.length) throw new AppError("invalid", { recipientVendorIds: "choice" });
  return ids.map((id) => usable.find((v) => v.id === id)!);
}

/** The describing document must be a public one of this organisation; its published version is recorded. */
async function describingVersion(
  ctx: TenantContext,
  documentId: string | null,
): Promise<string | null> {
  if (!documentId) return null;
  const [doc] = await ctx.tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.orgId, ctx.orgId),
        eq(policyDocuments.id, documentId),
        eq(policyDocuments.internal, false),
      ),
    );
  if (!doc) throw new AppError("invalid", { policyDocumentId: "choice" });
  const [published] = await ctx.tx
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, ctx.orgId),
        eq(policyVersions.documentId, documentId),
        eq(policyVersions.status, "published"),
      ),
    );
  return published?.id ?? null;
}

/** The purpose rules (lib/purposes/rules.ts) with the recipients' roles and countries: refused next to the fields. */
function assertRules(values: PurposeValues, recipients: RecipientFacts[]): void {
  const violations = purposeViolations({ ...values, recipients });
  if (violations.length === 0) return;
  const { fields, values: messageValues } = violationFields(violations);
  throw new AppError("invalid", fields, undefined, messageValues);
}

async function checkedValues(ctx: TenantContext, input: PurposeFields, alreadyLinked: string[]) {
  const values = purposeValues(input);
  await assertLawsDeclared(ctx, values);
  assertRules(values, await recipientFacts(ctx, values.recipientVendorIds, alreadyLinked));
  return { ...values, policyVersionId: await describingVersion(ctx, values.policyDocumentId) };
}

const codeTaken = () => new AppError("conflict", { identifier: "purposeCodeTaken" });

export async function createPurpose(
  ctx: TenantContext,
  input: PurposeCreateInput,
): Promise<string> {
  const values = await checkedValues(ctx, input, []);
  const [taken] = await ctx.tx
    .select({ id: purposes.id })
    .from(purposes)
    .where(and(eq(purposes.orgId, ctx.orgId), eq(purposes.code, input.identifier)));
  if (taken) throw codeTaken();
  const row = await ctx.tx
    .insert(purposes)
    .values({ orgId: ctx.orgId, code: input.identifier, ...values })
    .returning({ id: purposes.id })
    .then(
      ([r]) => r,
      (error: unknown) => {
        throw isUniqueViolation(error) ? codeTaken() : error;
      },
    );
  await ctx.audit({
    action: "purpose.created",
    targetType: "purpose",
    targetId: row.id,
    details: { code: input.identifier },
  });
  return row.id;
}

/**
 * Saves an edit made on the version the form was opened with (`version` = its updated_at), so two
 * people editing at once cannot silently overwrite each other. The code never changes: the
 * platform's API calls use it. Audits the code and the changed field names.
 *
 * PIPL Art. 14: changing what a consent-based purpose uses, who receives it, where it goes or its
 * basis asks its customers to consent again (`reconsent_since`, as a material policy change does).
 * While customers hold a current grant, the change is refused until the person confirms it,
 * having been told how many; the audit event records that count, never who.
 */
export async function updatePurpose(
  ctx: TenantContext,
  input: PurposeUpdateInput,
): Promise<{ changed: string[] }> {
  const { id, version, confirmReconsent, ...fields } = input;
  const [current] = await ctx.tx.select().from(purposes).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (current.archivedAt !== null || current.updatedAt.toISOString() !== version)
    throw new AppError("conflict");

  const values = await checkedValues(ctx, fields, current.recipientVendorIds);
  const changed = changedFields(current, values);
  const material = changed.filter((field) => reconsentFields.includes(field));
  const askedForConsent = consentBased(current.bases) || consentBased(values.bases);
  const reconsent =
    askedForConsent && material.length > 0
      ? await currentGrantCount(ctx.tx, ctx.orgId, current)
      : null;
  if (reconsent !== null && reconsent > 0 && !confirmReconsent) {
    throw new AppError(
      "invalid",
      { confirmReconsent: "purposeReconsentConfirm" },
      "purposeReconsentConfirm",
      { count: reconsent },
    );
  }
  if (changed.length > 0) {
    await ctx.tx
      .update(purposes)
      .set({
        ...values,
        updatedAt: sql`now()`,
        ...(reconsent !== null ? { reconsentSince: sql`now()` } : {}),
      })
      .where(byId(ctx.orgId, id));
  }
  await ctx.audit({
    action: "purpose.updated",
    targetType: "purpose",
    targetId: id,
    details: { code: current.code, fields: changed },
  });
  if (reconsent !== null) await recordReconsent(ctx, current, material, reconsent);
  return { changed };
}

/** Archived purposes leave the catalogue the platform and the preference center offer; restoring brings them back. */
export async function setPurposeArchived(
  ctx: TenantContext,
  id: string,
  archived: boolean,
): Promise<void> {
  const [current] = await ctx.tx
    .select({ code: purposes.code, archivedAt: purposes.archivedAt })
    .from(purposes)
    .where(byId(ctx.orgId, id))
    .for("update");
  if (!current) throw new AppError("notFound");
  if ((current.archivedAt !== null) === archived) throw new AppError("conflict");
  await ctx.tx
    .update(purposes)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(
      and(
        byId(ctx.orgId, id),
        archived ? isNull(purposes.archivedAt) : isNotNull(purposes.archivedAt),
      ),
    );
  await ctx.audit({
    action: archived ? "purpose.archived" : "purpose.restored",
    targetType: "purpose",
    targetId: id,
    details: { code: current.code },
  });
}
