import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/core/auth/password";
import { AppError } from "@/lib/core/errors";

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  /** Used only when the account is new. */
  temporaryPassword: string;
  mustChangePassword: boolean;
}

/** Creates a login. Emails are unique case-insensitively. */
export async function createUser(
  tx: Tx,
  input: { email: string; name: string; password: string; mustChangePassword: boolean },
): Promise<string> {
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword,
    })
    .returning({ id: users.id });
  return user.id;
}

/**
 * Seeding and test fixtures only: adds a person to an organisation directly, creating their
 * account when the email is new (an existing account keeps its password). It asks nobody, so no
 * action may call it: people join an organisation by accepting an invitation (lib/invitations).
 */
export async function addMember(
  tx: Tx,
  orgId: string,
  input: NewMember,
): Promise<{ userId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const [found] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const user = found ?? {
    id: await createUser(tx, {
      email,
      name: input.name,
      password: input.temporaryPassword,
      mustChangePassword: input.mustChangePassword,
    }),
  };
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
export async function grantMembership(
  tx: Tx,
  orgId: string,
  userId: string,
  role: Role,
  departmentId: string | null = null,
): Promise<void> {
  await tx.insert(memberships).values({ orgId, userId, role, departmentId });
}
