import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { hashPassword } from "@/lib/core/auth/password";
import { AppError } from "@/lib/core/errors";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { assertMayGrant } from "./rules";
import type { InviteInput } from "./schemas";
import { generateTemporaryPassword } from "./temporary-password";

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  /** Set for invitations: the person must choose their own password at first sign-in. */
  temporaryPassword: string;
  mustChangePassword: boolean;
}

/** Creates a login. Emails are unique case-insensitively. */
export async function createUser(tx: Tx, input: { email: string; name: string; password: string; mustChangePassword: boolean }): Promise<string> {
  const [user] = await tx
    .insert(users)
    .values({ email: input.email.trim().toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password), mustChangePassword: input.mustChangePassword })
    .returning({ id: users.id });
  return user.id;
}

/**
 * Adds a person to the current organisation, creating their account when the email is new.
 * An existing account keeps its password; it only gains the membership.
 */
export async function addMember(tx: Tx, orgId: string, input: NewMember): Promise<{ userId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  const user = found ?? { id: await createUser(tx, { email, name: input.name, password: input.temporaryPassword, mustChangePassword: input.mustChangePassword }) };
  const created = !found;
  const existing = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, user.id)));
  if (existing.length > 0) throw new AppError("conflict", { email: "emailTaken" });
  await grantMembership(tx, orgId, user.id, input.role, input.departmentId ?? null);
  return { userId: user.id, created };
}

/** The one place a membership row is written: other modules call this, never the table. */
export async function grantMembership(tx: Tx, orgId: string, userId: string, role: Role, departmentId: string | null = null): Promise<void> {
  await tx.insert(memberships).values({ orgId, userId, role, departmentId });
}

/**
 * Invites a person into the current organisation. A new account gets a random temporary password
 * that must be changed at first sign-in; it is returned once for the admin to hand over (there is
 * no email delivery yet) and never stored or logged in plain. A person who already has an account
 * (in another organisation) keeps their password, so there is nothing to hand over.
 */
export async function inviteMember(ctx: ActionContext, input: InviteInput): Promise<{ userId: string; temporaryPassword: string | null }> {
  assertMayGrant(ctx.user, input.role);
  if (input.departmentId) await assertDepartmentExists(ctx.tx, ctx.orgId, input.departmentId, "departmentId");
  const temporaryPassword = generateTemporaryPassword();
  const { userId, created } = await addMember(ctx.tx, ctx.orgId, { ...input, temporaryPassword, mustChangePassword: true });
  await ctx.audit({ action: "user.invited", targetType: "user", targetId: userId, details: { role: input.role, newAccount: created } });
  return { userId, temporaryPassword: created ? temporaryPassword : null };
}
