import "server-only";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, policyDocuments, policyVersions, purposes, vendors } from "@/db/schema";

export type Purpose = typeof purposes.$inferSelect;

/**
 * The catalogue: active purposes first, archived ones apart; each with its describing document's
 * title. A catalogue holds tens of purposes, so it is read whole.
 */
export async function listPurposes(tx: Tx, orgId: string) {
  const rows = await tx
    .select({ purpose: purposes, documentTitle: policyDocuments.title })
    .from(purposes)
    .leftJoin(
      policyDocuments,
      and(
        eq(policyDocuments.orgId, purposes.orgId),
        eq(policyDocuments.id, purposes.policyDocumentId),
      ),
    )
    .where(eq(purposes.orgId, orgId))
    .orderBy(asc(purposes.code));
  const all = rows.map((r) => ({ ...r.purpose, documentTitle: r.documentTitle }));
  return {
    active: all.filter((p) => p.archivedAt === null),
    archived: all.filter((p) => p.archivedAt !== null),
  };
}
export type PurposeRow = Awaited<ReturnType<typeof listPurposes>>["active"][number];

export async function getPurpose(tx: Tx, orgId: string, id: string): Promise<Purpose | undefined> {
  const [row] = await tx
    .select()
    .from(purposes)
    .where(and(eq(purposes.orgId, orgId), eq(purposes.id, id)));
  return row;
}

/**
 * What the editor chooses from: active vendors (plus archived ones this purpose already names),
 * public policy documents with their published version, and the organisation's laws (a basis is set per law).
 */
export async function purposeFormOptions(tx: Tx, orgId: string, linkedVendorIds: string[] = []) {
  // One transaction client runs one query at a time: sequential awaits, no Promise.all.
  const vendorRows = await tx
    .select({
      id: vendors.id,
      name: vendors.name,
      service: vendors.service,
      country: vendors.country,
      role: vendors.handlerRole,
      archived: vendors.archivedAt,
    })
    .from(vendors)
    .where(
      and(
        eq(vendors.orgId, orgId),
        linkedVendorIds.length > 0
          ? or(isNull(vendors.archivedAt), inArray(vendors.id, linkedVendorIds))
          : isNull(vendors.archivedAt),
      ),
    )
    .orderBy(asc(vendors.name));
  const documents = await tx
    .select({ id: policyDocuments.id, title: policyDocuments.title, slug: policyDocuments.slug })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.internal, false)))
    .orderBy(asc(policyDocuments.slug));
  const published = await tx
    .select({ documentId: policyVersions.documentId, version: policyVersions.version })
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.status, "published")));
  const [org] = await tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return {
    vendors: vendorRows.map((v) => ({
      id: v.id,
      name: v.name,
      service: v.service,
      country: v.country,
      role: v.role,
      archived: v.archived !== null,
    })),
    documents: documents.map((d) => ({
      ...d,
      publishedVersion: published.find((p) => p.documentId === d.id)?.version ?? null,
    })),
    laws: org?.jurisdictions ?? [],
  };
}
export type PurposeFormOptions = Awaited<ReturnType<typeof purposeFormOptions>>;

/** Names of the vendors a purpose shares with, for the read-only view. */
export async function vendorNames(
  tx: Tx,
  orgId: string,
  ids: string[],
): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)))
    .orderBy(asc(vendors.name));
}

/** The number of the policy version recorded as describing a purpose when it was saved. */
export async function versionNumber(
  tx: Tx,
  orgId: string,
  versionId: string | null,
): Promise<number | null> {
  if (!versionId) return null;
  const [row] = await tx
    .select({ version: policyVersions.version })
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.id, versionId)));
  return row?.version ?? null;
}

/**
 * Active purposes with what they send to whom (and those of `alsoIds`, archived or not, so a
 * record naming them still shows them): the systems form and the data map.
 */
export async function purposeFlows(tx: Tx, orgId: string, alsoIds: string[] = []) {
  return tx
    .select({
      id: purposes.id,
      code: purposes.code,
      name: purposes.name,
      dataCategories: purposes.dataCategories,
      recipientVendorIds: purposes.recipientVendorIds,
    })
    .from(purposes)
    .where(
      and(
        eq(purposes.orgId, orgId),
        alsoIds.length > 0
          ? or(isNull(purposes.archivedAt), inArray(purposes.id, alsoIds))
          : isNull(purposes.archivedAt),
      ),
    )
    .orderBy(asc(purposes.code));
}
