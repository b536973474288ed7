import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { AppError } from "@/lib/core/errors";
import {
  countOpenInvitationsInto,
  forgetDepartmentOfClosedInvitations,
} from "@/lib/invitations/departments";
import { isActiveMember } from "@/lib/users/queries";
import { memberCountsByDepartment } from "@/lib/users/queries";
import type { DepartmentInput } from "./schemas";
import { countSystemsOwnedBy } from "@/lib/systems/queries";
import { countVendorsOwnedBy } from "@/lib/vendors/queries";

// The unique index (org_id, name) is the backstop; this check gives the field its message.
async function assertNameFree(
  tx: Tx,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const [taken] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.orgId, orgId),
        eq(departments.name, name),
        exceptId ? ne(departments.id, exceptId) : undefined,
      ),
    );
  if (taken) throw new AppError("conflict", { name: "departmentNameTaken" });
}

async function assertHead(tx: Tx, orgId: string, headUserId: string | null): Promise<void> {
  if (headUserId && !(await isActiveMember(tx, orgId, headUserId)))
    throw new AppError("invalid", { headUserId: "choice" });
}

async function lockDepartment(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

export async function createDepartment(
  ctx: ActionContext,
  input: DepartmentInput,
): Promise<string> {
  await assertNameFree(ctx.tx, ctx.orgId, input.name);
  await assertHead(ctx.tx, ctx.orgId, input.headUserId);
  const [row] = await ctx.tx
    .insert(departments)
    .values({ orgId: ctx.orgId, name: input.name, headUserId: input.headUserId })
    .returning({ id: departments.id });
  await ctx.audit({
    action: "department.created",
    targetType: "department",
    targetId: row.id,
    details: { headUserId: input.headUserId },
  });
  return row.id;
}

/** Rename and/or set the head; the audit event names the fields that changed. */
export async function updateDepartment(
  ctx: ActionContext,
  input: DepartmentInput & { id: string },
): Promise<void> {
  const current = await lockDepartment(ctx.tx, ctx.orgId, input.id);
  const fields = [
    current.name !== input.name && "name",
    current.headUserId !== input.headUserId && "headUserId",
  ].filter((f): f is string => Boolean(f));
  if (fields.length === 0) throw new AppError("invalid", { _form: "unchanged" });
  if (fields.includes("name")) await assertNameFree(ctx.tx, ctx.orgId, input.name, input.id);
  if (fields.includes("headUserId")) await assertHead(ctx.tx, ctx.orgId, input.headUserId);
  await ctx.tx
    .update(departments)
    .set({ name: input.name, headUserId: input.headUserId, updatedAt: sql`now()` })
    .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, input.id)));
  await ctx.audit({
    action: "department.updated",
    targetType: "department",
    targetId: input.id,
    details: { fields },
  });
}

/**
 * Only an empty department goes: people keep their assignment until someone moves them, vendors
 * and systems their owner, and an open invitation the department it promised (revoke it first).
 */
export async function deleteDepartment(ctx: ActionContext, input: { id: string }): Promise<void> {
  await lockDepartment(ctx.tx, ctx.orgId, input.id);
  const members =
    (await memberCountsByDepartment(ctx.tx, ctx.orgId, [input.id])).get(input.id) ?? 0;
  if (members > 0) throw new AppError("conflict", { _form: "departmentInUse" });
  if ((await countVendorsOwnedBy(ctx.tx, ctx.orgId, input.id)) > 0)
    throw new AppError("conflict", { _form: "departmentOwnsVendors" });
  if ((await countSystemsOwnedBy(ctx.tx, ctx.orgId, input.id)) > 0)
    throw new AppError("conflict", { _form: "departmentOwnsSystems" });
  if ((await countOpenInvitationsInto(ctx.tx, ctx.orgId, input.id)) > 0)
    throw new AppError("conflict", { _form: "departmentHasInvitations" });
  await forgetDepartmentOfClosedInvitations(ctx.tx, ctx.orgId, input.id);
  await ctx.tx
    .delete(departments)
    .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, input.id)));
  await ctx.audit({ action: "department.deleted", targetType: "department", targetId: input.id });
}
