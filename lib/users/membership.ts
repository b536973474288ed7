import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { memberships, type Role } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { AppError } from "@/lib/core/errors";
import { assertDepartmentExists } from "@/lib/departments/queries";
import {
  assertMayGrant,
  assertMayModify,
  assertNotSelf,
  assertOtherOwnerRemains,
  findMember,
} from "./rules";

type Change = Partial<
  Pick<typeof memberships.$inferInsert, "role" | "departmentId" | "deactivatedAt">
>;

async function updateMembership(ctx: ActionContext, userId: string, change: Change): Promise<void> {
  await ctx.tx
    .update(memberships)
    .set({ ...change, updatedAt: sql`now()` })
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
}

/** The last-owner check comes before the self check: for a sole owner it is the reason that matters. */
export async function changeRole(
  ctx: ActionContext,
  input: { userId: string; role: Role },
): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.user, target);
  assertMayGrant(ctx.user, input.role);
  if (target.role === input.role) throw new AppError("invalid", { role: "unchanged" });
  if (target.role === "owner" && !target.deactivatedAt)
    await assertOtherOwnerRemains(ctx.tx, ctx.orgId, target.userId, "role");
  assertNotSelf(ctx.user, target, "role");
  await updateMembership(ctx, target.userId, { role: input.role });
  await ctx.audit({
    action: "user.role_changed",
    targetType: "user",
    targetId: target.userId,
    details: { from: target.role, to: input.role },
  });
}

export async function changeDepartment(
  ctx: ActionContext,
  input: { userId: string; departmentId: string | null },
): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.user, target);
  if (target.departmentId === input.departmentId)
    throw new AppError("invalid", { departmentId: "unchanged" });
  if (input.departmentId)
    await assertDepartmentExists(ctx.tx, ctx.orgId, input.departmentId, "departmentId");
  await updateMembership(ctx, target.userId, { departmentId: input.departmentId });
  await ctx.audit({
    action: "user.department_changed",
    targetType: "user",
    targetId: target.userId,
    details: { from: target.departmentId, to: input.departmentId },
  });
}

/** Takes effect on the person's next request: loadActor ignores deactivated memberships. */
export async function deactivateMember(
  ctx: ActionContext,
  input: { userId: string },
): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.user, target);
  if (target.deactivatedAt) throw new AppError("conflict", { _form: "alreadyDeactivated" });
  if (target.role === "owner") await assertOtherOwnerRemains(ctx.tx, ctx.orgId, target.userId);
  assertNotSelf(ctx.user, target);
  await updateMembership(ctx, target.userId, { deactivatedAt: new Date() });
  await ctx.audit({
    action: "user.deactivated",
    targetType: "user",
    targetId: target.userId,
    details: { role: target.role },
  });
}

export async function reactivateMember(
  ctx: ActionContext,
  input: { userId: string },
): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.user, target);
  if (!target.deactivatedAt) throw new AppError("conflict", { _form: "alreadyActive" });
  await updateMembership(ctx, target.userId, { deactivatedAt: null });
  await ctx.audit({
    action: "user.reactivated",
    targetType: "user",
    targetId: target.userId,
    details: { role: target.role },
  });
}
