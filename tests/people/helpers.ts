import { and, asc, eq } from "drizzle-orm";
import { departments, memberships, organizations, recoveryCodes, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { auditOf } from "@/tests/audit";
import { createMember, createOrg } from "@/tests/factories";

/** Reads for assertions, through the same RLS-bound app role the server uses. */

export async function membershipOf(orgId: string, userId: string) {
  const [row] = await withTenant(orgId, (tx) =>
    tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
  );
  return row;
}

export async function userRow(userId: string) {
  const [row] = await withoutTenant((tx) => tx.select().from(users).where(eq(users.id, userId)));
  return row;
}

export function recoveryCodesOf(userId: string) {
  return withoutTenant((tx) =>
    tx.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
  );
}

export function departmentsOf(orgId: string) {
  return withTenant(orgId, (tx) =>
    tx
      .select()
      .from(departments)
      .where(eq(departments.orgId, orgId))
      .orderBy(asc(departments.name)),
  );
}

export async function organizationRow(orgId: string) {
  const [row] = await withoutTenant((tx) =>
    tx.select().from(organizations).where(eq(organizations.id, orgId)),
  );
  return row;
}

/**
 * Everything a refused action must leave untouched in an organisation: its audit chain length and
 * the rows named. Compare before and after.
 */
export async function snapshot(orgId: string, extra: () => Promise<unknown> = async () => null) {
  return JSON.stringify({ audit: (await auditOf(orgId)).length, extra: await extra() });
}

/** An organisation with its owner, an admin and an employee: the cast of the member tests. */
export async function peopleOrg(): Promise<{
  orgId: string;
  ownerId: string;
  adminId: string;
  employeeId: string;
}> {
  const { orgId, ownerId } = await createOrg();
  return {
    orgId,
    ownerId,
    adminId: await createMember(orgId, "admin"),
    employeeId: await createMember(orgId, "employee"),
  };
}
