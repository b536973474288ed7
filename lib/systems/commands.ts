import "server-only";
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { systems } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { purposeFlows } from "@/lib/purposes/queries";
import { getVendor } from "@/lib/vendors/queries";
import type { SystemInput, SystemUpdateInput } from "./schemas";

const byId = (orgId: string, id: string) => and(eq(systems.orgId, orgId), eq(systems.id, id));

function values(input: SystemInput) {
  return {
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    ownerDepartmentId: input.ownerDepartmentId ?? null,
    hostingLocation: input.hostingLocation,
    country: input.country,
    vendorId: input.vendorId ?? null,
    dataCategories: [...new Set(input.dataCategories)].sort(),
    purposeIds: [...new Set(input.purposeIds)].sort(),
    securityMeasures: [...new Set(input.securityMeasures)].sort(),
  };
}
type Values = ReturnType<typeof values>;

/**
 * Every reference must be one of this organisation's own: the department, an active vendor (the
 * one it already names may stay archived), active purposes. A name is used once.
 */
async function assertReferences(
  ctx: TenantContext,
  next: Values,
  current?: typeof systems.$inferSelect,
): Promise<void> {
  const { tx, orgId } = ctx;
  const [taken] = await tx
    .select({ id: systems.id })
    .from(systems)
    .where(
      and(
        eq(systems.orgId, orgId),
        eq(systems.name, next.name),
        current ? ne(systems.id, current.id) : undefined,
      ),
    );
  if (taken) throw new AppError("conflict", { name: "systemNameTaken" });
  if (next.ownerDepartmentId)
    await assertDepartmentExists(tx, orgId, next.ownerDepartmentId, "ownerDepartmentId");
  if (next.vendorId && next.vendorId !== current?.vendorId) {
    const vendor = await getVendor(tx, orgId, next.vendorId);
    if (!vendor || vendor.archivedAt) throw new AppError("invalid", { vendorId: "choice" });
  }
  const added = next.purposeIds.filter((id) => !current?.purposeIds.includes(id));
  if (added.length > 0) {
    const active = new Set((await purposeFlows(tx, orgId)).map((p) => p.id));
    if (!added.every((id) => active.has(id)))
      throw new AppError("invalid", { purposeIds: "choice" });
  }
}

export async function createSystem(ctx: TenantContext, input: SystemInput): Promise<string> {
  const next = values(input);
  await assertReferences(ctx, next);
  const [row] = await ctx.tx
    .insert(systems)
    .values({ orgId: ctx.orgId, ...next })
    .returning({ id: systems.id });
  await ctx.audit({
    action: "system.created",
    targetType: "system",
    targetId: row.id,
    details: { kind: next.kind, country: next.country, categories: next.dataCategories.length },
  });
  return row.id;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves an edit made on the version the form was opened with (`version` = its updated_at), so two
 * people editing at once cannot silently overwrite each other. Audits the changed field names.
 */
export async function updateSystem(
  ctx: TenantContext,
  input: SystemUpdateInput,
): Promise<{ changed: string[] }> {
  const { id, version, ...fields } = input;
  const [current] = await ctx.tx.select().from(systems).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (current.updatedAt !== version) throw new AppError("conflict");
  const next = values(fields);
  await assertReferences(ctx, next, current);
  const changed = (Object.keys(next) as Array<keyof Values>).filter(
    (key) => !sameValue(next[key], current[key]),
  );
  if (changed.length > 0)
    await ctx.tx
      .update(systems)
      .set({ ...next, updatedAt: sql`now()` })
      .where(byId(ctx.orgId, id));
  await ctx.audit({
    action: "system.updated",
    targetType: "system",
    targetId: id,
    details: { fields: changed },
  });
  return { changed };
}

/** Archiving takes a system off the inventory and the map; restoring brings it back. */
export async function setSystemArchived(
  ctx: TenantContext,
  input: { id: string; archived: boolean },
): Promise<void> {
  const updated = await ctx.tx
    .update(systems)
    .set({ archivedAt: input.archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(
      and(
        byId(ctx.orgId, input.id),
        input.archived ? isNull(systems.archivedAt) : isNotNull(systems.archivedAt),
      ),
    )
    .returning({ id: systems.id });
  if (updated.length === 0) {
    const [exists] = await ctx.tx
      .select({ id: systems.id })
      .from(systems)
      .where(byId(ctx.orgId, input.id));
    throw new AppError(exists ? "conflict" : "notFound");
  }
  await ctx.audit({
    action: input.archived ? "system.archived" : "system.restored",
    targetType: "system",
    targetId: input.id,
  });
}
