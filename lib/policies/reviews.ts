import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { policyDocuments, policyVersions, users, type Role } from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";
import { can } from "@/lib/core/authz/permissions";

export interface ReviewTask {
  documentId: string;
  versionId: string;
  title: LocalizedText;
  version: number;
  authorName: string;
  submittedAt: Date | null;
}

/**
 * Versions submitted for review that this person may approve: they hold policies.approve and did
 * not write the version (four-eyes). Empty for everyone else.
 */
export async function reviewsAwaiting(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<ReviewTask[]> {
  if (!can(viewer.role, "policies.approve")) return [];
  return tx
    .select({
      documentId: policyVersions.documentId,
      versionId: policyVersions.id,
      title: policyDocuments.title,
      version: policyVersions.version,
      authorName: users.name,
      submittedAt: policyVersions.submittedAt,
    })
    .from(policyVersions)
    .innerJoin(
      policyDocuments,
      and(
        eq(policyDocuments.orgId, policyVersions.orgId),
        eq(policyDocuments.id, policyVersions.documentId),
      ),
    )
    .innerJoin(users, eq(users.id, policyVersions.authorId))
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        eq(policyVersions.status, "in_review"),
        ne(policyVersions.authorId, viewer.userId),
      ),
    )
    .orderBy(asc(policyVersions.submittedAt), asc(policyVersions.id));
}
