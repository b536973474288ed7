import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { AuditEntry } from "@/lib/core/audit/record";
import type { TenantContext } from "@/lib/core/tenancy/context";

// Re-consent has one mark, `reconsent_since`, set to now() by a material version of a purpose's
// describing document (markReconsent) and by a material edit of the purpose (updatePurpose).

/**
 * A version of a policy document was published: the purposes it describes now point at it. When
 * the version is a material change, they also get `reconsent_since` = the publication time (the
 * transaction's now(), the same instant as the version's published_at), so every grant given
 * before it reads as "re-consent required" — derived on read, no consent rows are rewritten.
 * One audit event per purpose (`purpose.reconsent_required`, or `purpose.updated` for a minor version).
 */
export async function markReconsent(
  tx: Tx,
  orgId: string,
  documentId: string,
  versionId: string,
  materialChange: boolean,
  audit: (entry: AuditEntry) => Promise<void>,
): Promise<number> {
  const { rows } = await tx.execute<{ id: string; code: string }>(sql`
    update purposes set policy_version_id = ${versionId}, updated_at = now(),
      reconsent_since = case when ${materialChange}::boolean then now() else reconsent_since end
    where org_id = ${orgId} and policy_document_id = ${documentId}
    returning id, code`);
  for (const purpose of rows) {
    await audit(
      materialChange
        ? {
            action: "purpose.reconsent_required",
            targetType: "purpose",
            targetId: purpose.id,
            details: { code: purpose.code, documentId, versionId },
          }
        : {
            action: "purpose.updated",
            targetType: "purpose",
            targetId: purpose.id,
            details: { code: purpose.code, fields: ["policyVersionId"], versionId },
          },
    );
  }
  return rows.length;
}

/** The audit event of a re-consent an edit asked for: which fields changed and how many customers it asks again (no one by name). */
export async function recordReconsent(
  ctx: TenantContext,
  purpose: { id: string; code: string },
  fields: string[],
  customers: number,
): Promise<void> {
  await ctx.audit({
    action: "purpose.reconsent_required",
    targetType: "purpose",
    targetId: purpose.id,
    details: { code: purpose.code, fields, customers },
  });
}
