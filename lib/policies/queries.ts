import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  policyDocuments,
  policyKinds,
  policyVersions,
  users,
  type PolicyStatus,
} from "@/db/schema";

export type PolicyDocument = typeof policyDocuments.$inferSelect;
export type PolicyVersion = typeof policyVersions.$inferSelect;

/** Documents with their published version and the version in progress, if any. */
export async function listDocuments(tx: Tx, orgId: string) {
  // One transaction client runs one query at a time: sequential awaits, no Promise.all.
  const docs = await tx
    .select()
    .from(policyDocuments)
    .where(eq(policyDocuments.orgId, orgId))
    .orderBy(policyDocuments.slug);
  const versions = await tx
    .select({
      documentId: policyVersions.documentId,
      version: policyVersions.version,
      status: policyVersions.status,
      effectiveOn: policyVersions.effectiveOn,
    })
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        inArray(policyVersions.status, ["draft", "in_review", "approved", "published"]),
      ),
    );
  // The seeded kinds in their usual order, then the organisation's own documents.
  docs.sort((a, b) => policyKinds.indexOf(a.kind) - policyKinds.indexOf(b.kind));
  return docs.map((doc) => {
    const mine = versions.filter((v) => v.documentId === doc.id);
    return {
      ...doc,
      published: mine.find((v) => v.status === "published"),
      open: mine.find((v) => v.status !== "published"),
    };
  });
}

export async function getDocument(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<PolicyDocument | undefined> {
  const [row] = await tx
    .select()
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.id, id)));
  return row;
}

/** Every version of a document, newest first, with author and approver names. */
export async function listVersions(
  tx: Tx,
  orgId: string,
  documentId: string,
  statuses?: PolicyStatus[],
) {
  const rows = await tx
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        eq(policyVersions.documentId, documentId),
        statuses ? inArray(policyVersions.status, statuses) : undefined,
      ),
    )
    .orderBy(desc(policyVersions.version));
  const ids = [
    ...new Set(rows.flatMap((r) => [r.authorId, r.approvedBy]).filter((x): x is string => !!x)),
  ];
  const names = ids.length
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
    : [];
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.name ?? null;
  return rows.map((r) => ({
    ...r,
    authorName: nameOf(r.authorId),
    approverName: nameOf(r.approvedBy),
  }));
}
/** Statuses a visitor may read: a draft, a version in review or an approved one never leaves the console. */
export const publicStatuses: PolicyStatus[] = ["published", "superseded"];

/** A public document and its public versions (newest first); undefined when it has none or is internal (staff rules). */
export async function publicDocument(tx: Tx, orgId: string, slug: string) {
  const [doc] = await tx
    .select()
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.orgId, orgId),
        eq(policyDocuments.slug, slug),
        eq(policyDocuments.internal, false),
      ),
    );
  if (!doc) return undefined;
  const versions = await tx
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        eq(policyVersions.documentId, doc.id),
        inArray(policyVersions.status, publicStatuses),
      ),
    )
    .orderBy(desc(policyVersions.version));
  if (versions.length === 0) return undefined;
  return { doc, versions };
}

/**
 * Material versions of these documents published after `since` (published or superseded since):
 * what other modules react to (training reassigns its linked courses) without policies knowing them.
 */
export async function materialPublications(
  tx: Tx,
  orgId: string,
  documentIds: readonly string[],
  since: Date,
): Promise<Array<{ versionId: string; documentId: string; publishedAt: Date }>> {
  if (documentIds.length === 0) return [];
  const rows = await tx
    .select({
      versionId: policyVersions.id,
      documentId: policyVersions.documentId,
      publishedAt: policyVersions.publishedAt,
    })
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        inArray(policyVersions.documentId, [...documentIds]),
        inArray(policyVersions.status, publicStatuses),
        eq(policyVersions.materialChange, true),
        // `since` went through a JS Date (milliseconds); the column holds microseconds, so a
        // version published in the same transaction as `since` would otherwise count as after it.
        sql`date_trunc('milliseconds', ${policyVersions.publishedAt}) > ${since}`,
      ),
    )
    .orderBy(asc(policyVersions.publishedAt));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}
