import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { vendors } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { flagsOn } from "./flags";
import type { VendorInput, VendorUpdateInput } from "./schema";
import { changedFields, vendorValues } from "./values";

const byId = (orgId: string, id: string) => and(eq(vendors.orgId, orgId), eq(vendors.id, id));

export async function createVendor(ctx: TenantContext, input: VendorInput, today = todayIso()): Promise<string> {
  if (input.ownerDepartmentId) await assertDepartmentExists(ctx.tx, ctx.orgId, input.ownerDepartmentId, "ownerDepartmentId");
  const [row] = await ctx.tx
    .insert(vendors)
    .values({ orgId: ctx.orgId, ...vendorValues(input, today, today) })
    .returning({ id: vendors.id });
  await ctx.audit({ action: "vendor.created", targetType: "vendor", targetId: row.id });
  return row.id;
}

/**
 * Saves an edit made on the version the form was opened with (`version` = its updated_at), so two
 * people editing at once cannot silently overwrite each other. Audits the changed field names.
 */
export async function updateVendor(ctx: TenantContext, input: VendorUpdateInput, today = todayIso()): Promise<{ changed: string[] }> {
  const { id, version, ...fields } = input;
  const [current] = await ctx.tx.select().from(vendors).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (current.updatedAt !== version) throw new AppError("conflict");
  if (fields.ownerDepartmentId) await assertDepartmentExists(ctx.tx, ctx.orgId, fields.ownerDepartmentId, "ownerDepartmentId");

  const values = vendorValues(fields, today, todayIso(current.createdAt));
  const changed = changedFields(current, values);
  if (changed.length > 0) await ctx.tx.update(vendors).set({ ...values, updatedAt: sql`now()` }).where(byId(ctx.orgId, id));
  await ctx.audit({ action: "vendor.updated", targetType: "vendor", targetId: id, details: { fields: changed } });
  return { changed };
}

/** Archiving hides a vendor from lists and the daily review; restoring brings it back with fresh flags. */
export async function setVendorArchived(ctx: TenantContext, id: string, archived: boolean, today = todayIso()): Promise<void> {
  const [current] = await ctx.tx.select().from(vendors).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if ((current.archivedAt !== null) === archived) throw new AppError("conflict");

  const flags = archived ? {} : flagsOn(current, today);
  await ctx.tx
    .update(vendors)
    .set({ ...flags, archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(and(byId(ctx.orgId, id), archived ? isNull(vendors.archivedAt) : isNotNull(vendors.archivedAt)));
  await ctx.audit({ action: archived ? "vendor.archived" : "vendor.restored", targetType: "vendor", targetId: id });
}
