import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { departments, policyDocuments } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";

const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());

/** Who a document is for: public or staff-only, whether staff must acknowledge it, and which departments. */
export const documentSettingsSchema = z.object({
  documentId: z.uuid(),
  internal: checkbox,
  acknowledgementRequired: checkbox,
  audienceDepartmentIds: z.preprocess((value) => value ?? [], z.array(z.uuid()).max(200)),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

/** An empty audience means every member of the organisation. */
export function inAudience(
  audienceDepartmentIds: readonly string[],
  departmentId: string | null,
): boolean {
  return (
    audienceDepartmentIds.length === 0 ||
    (departmentId !== null && audienceDepartmentIds.includes(departmentId))
  );
}

/**
 * Saves a document's settings. Audience ids must name this organisation's departments (an id
 * from elsewhere is "not a valid choice", revealing nothing). Audited with the fields that changed.
 */
export async function updateDocumentSettings(
  ctx: TenantContext,
  input: DocumentSettings,
): Promise<void> {
  const [doc] = await ctx.tx
    .select()
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, ctx.orgId), eq(policyDocuments.id, input.documentId)))
    .for("update");
  if (!doc) throw new AppError("notFound");
  const audience = [...new Set(input.audienceDepartmentIds)];
  if (audience.length > 0) {
    const found = await ctx.tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, ctx.orgId), inArray(departments.id, audience)));
    if (found.length !== audience.length)
      throw new AppError("invalid", { audienceDepartmentIds: "choice" });
  }
  // Stored in a stable order, so "unchanged" does not depend on the order the boxes were ticked.
  audience.sort();
  const before = [...doc.audienceDepartmentIds].sort();
  const changed = [
    doc.internal !== input.internal && "internal",
    doc.acknowledgementRequired !== input.acknowledgementRequired && "acknowledgementRequired",
    before.join() !== audience.join() && "audienceDepartmentIds",
  ].filter((f): f is string => typeof f === "string");
  if (changed.length === 0) throw new AppError("invalid", { _form: "unchanged" });
  await ctx.tx
    .update(policyDocuments)
    .set({
      internal: input.internal,
      acknowledgementRequired: input.acknowledgementRequired,
      audienceDepartmentIds: audience,
      updatedAt: sql`now()`,
    })
    .where(and(eq(policyDocuments.orgId, ctx.orgId), eq(policyDocuments.id, doc.id)));
  await ctx.audit({
    action: "policy.settings_changed",
    targetType: "policy",
    targetId: doc.id,
    details: {
      changed,
      internal: input.internal,
      acknowledgementRequired: input.acknowledgementRequired,
      audienceDepartmentIds: audience,
    },
  });
}
