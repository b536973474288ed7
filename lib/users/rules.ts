import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, roles, type Role } from "@/db/schema";
import type { Actor } from "@/lib/core/auth/actor";
import { AppError } from "@/lib/core/errors";

export interface Member {
  userId: string;
  role: Role;
  departmentId: string | null;
  deactivatedAt: Date | null;
}

/**
 * The member of this organisation, locked for the rest of the transaction. Anyone else, including
 * members of other organisations, is "not found": ids from elsewhere reveal nothing.
 */
export async function findMember(tx: Tx, orgId: string, userId: string): Promise<Member> {
  const [member] = await tx
    .select({
      userId: memberships.userId,
      role: memberships.role,
      departmentId: memberships.departmentId,
      deactivatedAt: memberships.deactivatedAt,
    })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for("update");
  if (!member) throw new AppError("notFound");
  return member;
}

/** Only an owner may act on an owner's membership; everyone else's is open to users.update. */
export function assertMayModify(actor: Pick<Actor, "role">, target: Pick<Member, "role">): void {
  if (target.role === "owner" && actor.role !== "owner")
    throw new AppError("forbidden", { _form: "ownerOnly" });
}

/** Granting the owner role is an owner's decision. */
export function grantableRoles(actor: Pick<Actor, "role">): Role[] {
  return roles.filter((r) => r !== "owner" || actor.role === "owner");
}

export function assertMayGrant(actor: Pick<Actor, "role">, role: Role, field = "role"): void {
  if (!grantableRoles(actor).includes(role))
    throw new AppError("forbidden", { [field]: "ownerOnly" });
}

/**
 * The organisation keeps an active owner other than `userId`. The owner rows are locked, so two
 * owners demoting each other at the same moment cannot both succeed.
 */
export async function assertOtherOwnerRemains(
  tx: Tx,
  orgId: string,
  userId: string,
  field = "_form",
): Promise<void> {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "owner"),
        isNull(memberships.deactivatedAt),
      ),
    )
    .for("update");
  if (!owners.some((o) => o.userId !== userId))
    throw new AppError("conflict", { [field]: "lastOwner" });
}

/** Your own role and access are changed by another administrator, never by yourself. */
export function assertNotSelf(
  actor: Pick<Actor, "userId">,
  target: Pick<Member, "userId">,
  field = "_form",
  key = "selfChange",
): void {
  if (actor.userId === target.userId) throw new AppError("forbidden", { [field]: key });
}
