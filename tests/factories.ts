import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { memberships, type Role } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { loadActor, type Actor } from "@/lib/core/auth/actor";
import { createOrganization } from "@/lib/organizations/commands";
import { addMember, createUser } from "@/lib/users/commands";
import { currentActor } from "./setup";

export const TEST_PASSWORD = "correct horse battery staple";
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A new organisation with its owner; names are unique per call. */
export async function createOrg(): Promise<{ orgId: string; ownerId: string }> {
  return withoutTenant(async (tx) => {
    const ownerId = await createUser(tx, {
      email: `${unique("owner")}@test.example`,
      name: "Owner",
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
    const slug = unique("org");
    const orgId = await createOrganization(
      tx,
      {
        slug,
        nameZh: `组织 ${slug}`,
        nameEn: `Org ${slug}`,
        jurisdictions: ["PIPL"],
        locale: "zh-CN",
      },
      ownerId,
      { type: "system", id: "test" },
    );
    return { orgId, ownerId };
  });
}

/** A member with the given role in an organisation. */
export async function createMember(orgId: string, role: Role): Promise<string> {
  return withTenant(orgId, async (tx) => {
    const { userId } = await addMember(tx, orgId, {
      email: `${unique(role)}@test.example`,
      name: `Test ${role}`,
      role,
      temporaryPassword: TEST_PASSWORD,
      mustChangePassword: false,
    });
    return userId;
  });
}

/**
 * Makes server actions run as this member of this organisation, as the real session would
 * resolve them (2FA counted as done unless `pending` says otherwise).
 */
export async function actAs(
  userId: string,
  orgId: string,
  pending: Actor["pending"] = null,
): Promise<Actor> {
  const [membership] = await withoutTenant(
    (tx) => tx.select().from(memberships).where(eq(memberships.userId, userId)),
    userId,
  );
  const actor = await loadActor(userId, 1, orgId);
  if (!actor || !membership) throw new Error("no such member");
  currentActor.value = { ...actor, pending };
  return currentActor.value;
}

/** Builds FormData from a plain object; arrays become repeated `name[]` fields. */
export function form(values: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) value.forEach((v) => data.append(`${key}[]`, v));
    else if (value !== undefined) data.append(key, value);
  }
  return data;
}

/** A new organisation and its privacy officer: the preamble of most module tests. */
export async function orgWithOfficer(): Promise<{
  orgId: string;
  ownerId: string;
  officerId: string;
}> {
  const { orgId, ownerId } = await createOrg();
  return { orgId, ownerId, officerId: await createMember(orgId, "privacy_officer") };
}
