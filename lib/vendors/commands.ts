import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { vendors } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { purposesBrokenBy } from "@/lib/purposes/recipient-change";
import { todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { flagsOn } from "./flags";
import type { VendorInput, VendorUpdateInput } from "./schemas";
import { changedFields, vendorValues, type VendorValues } from "./values";

const byId = (orgId: string, id: string) => and(eq(vendors.orgId, orgId), eq(vendors.id, id));

export async function createVendor(
  ctx: TenantContext,
  input: VendorInput,
  today = todayIso(),
): Promise<string> {
  if (input.ownerDepartmentId)
    await assertDepartmentExists(ctx.tx, ctx.orgId, input.ownerDepartmentId, "ownerDepartmentId");
  const [row] = await ctx.tx
    .insert(vendors)
    .values({ orgId: ctx.orgId, ...vendorValues(input, today, today) })
    .returning({ id: vendors.id });
  await ctx.audit({ action: "vendor.created", targetType: "vendor", targetId: row.id });
  return row.id;
}

/**
 * A vendor's role and country are what its purposes' rules read (lib/purposes/rules.ts): a change
 * that would make a purpose naming it break one (sharing with a handler of its own on standard
 * consent, a recipient outside the destination) is refused until that purpose is changed first.
 */
async function assertPurposesKeepTheirRules(
  ctx: TenantContext,
  id: string,
  values: VendorValues,
  changed: string[],
): Promise<void> {
  const fields = changed.filter((field) => field === "handlerRole" || field === "country");
  if (fields.length === 0) return;
  const broken = await purposesBrokenBy(ctx.tx, ctx.orgId, id, {
    name: values.name,
    role: values.handlerRole,
    country: values.country,
  });
  if (broken.length === 0) return;
  throw new AppError(
    "invalid",
    Object.fromEntries(fields.map((field) => [field, "vendorBreaksPurpose"])),
    undefined,
    { purpose: broken[0], others: broken.length - 1 },
  );
}

/**
 * Saves an edit made on the version the form was opened with (`version` = its updated_at), so two
 * people editing at once cannot silently overwrite each other. Audits the changed field names.
 */
export async function updateVendor(
  ctx: TenantContext,
  input: VendorUpdateInput,
  today = todayIso(),
): Promise<{ changed: string[] }> {
  const { id, version, ...fields } = input;
  const [current] = await ctx.tx.select().from(vendors).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (current.updatedAt !== version) throw new AppError("conflict");
  if (fields.ownerDepartmentId)
    await assertDepartmentExists(ctx.tx, ctx.orgId, fields.ownerDepartmentId, "ownerDepartmentId");

  const values = vendorValues(fields, today, todayIso(current.createdAt));
  const changed = changedFields(current, values);
  await assertPurposesKeepTheirRules(ctx, id, values, changed);
  if (changed.length > 0)
    await ctx.tx
      .update(vendors)
      .set({ ...values, updatedAt: sql`now()` })
      .where(byId(ctx.orgId, id));
  await ctx.audit({
    action: "vendor.updated",
    targetType: "vendor",
    targetId: id,
    details: { fields: changed },
  });
  return { changed };
}

/** Archiving hides a vendor from lists and the daily review; restoring brings it back with fresh flags. */
export async function setVendorArchived(
  ctx: TenantContext,
  id: string,
  archived: boolean,
  today = todayIso(),
): Promise<void> {
  const [current] = await ctx.tx.select().from(vendors).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if ((current.archivedAt !== null) === archived) throw new AppError("conflict");

  const flags = archived ? {} : flagsOn(current, today);
  await ctx.tx
    .update(vendors)
    .set({ ...flags, archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(
      and(
        byId(ctx.orgId, id),
        archived ? isNull(vendors.archivedAt) : isNotNull(vendors.archivedAt),
      ),
    );
  await ctx.audit({
    action: archived ? "vendor.archived" : "vendor.restored",
    targetType: "vendor",
    targetId: id,
  });
}
