import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { memberships, organizations, users, type Role } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { mfaRequiredRoles } from "@/lib/core/authz/permissions";
import { authOptions } from "./options";

export const ORG_COOKIE = "pd_org";

export interface Membership {
  orgId: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  role: Role;
  /** The organisation's zone: times on its pages are shown on this clock. */
  timeZone: string;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  orgId: string;
  role: Role;
  /** The current organisation's zone. */
  timeZone: string;
  memberships: Membership[];
  /** What must happen before anything else: set by policy, enforced by the page guard and action wrapper. */
  pending: "password_change" | "mfa_enrolment" | null;
  mfaEnrolled: boolean;
}

/** Loads the signed-in person fresh from the database: a changed role or a deactivation applies at once. */
export async function loadActor(
  userId: string,
  sessionVersion: number,
  preferredOrg?: string,
): Promise<Actor | null> {
  return withoutTenant(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user || user.sessionVersion !== sessionVersion) return null;
    const rows = await tx
      .select({
        orgId: memberships.orgId,
        role: memberships.role,
        slug: organizations.slug,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        timeZone: organizations.timeZone,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
      .orderBy(organizations.createdAt);
    const current = rows.find((m) => m.orgId === preferredOrg) ?? rows[0];
    if (!current) return null;
    const mfaEnrolled = user.totpEnabledAt !== null;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      orgId: current.orgId,
      role: current.role,
      timeZone: current.timeZone,
      memberships: rows,
      mfaEnrolled,
      pending: user.mustChangePassword
        ? "password_change"
        : !mfaEnrolled && mfaRequiredRoles.includes(current.role)
          ? "mfa_enrolment"
          : null,
    };
  }, userId);
}

/** The current request's actor, or null when nobody (valid) is signed in. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.uid) return null;
  return loadActor(session.uid, session.sv, (await cookies()).get(ORG_COOKIE)?.value);
});

/**
 * The signed-in account whatever its memberships (accepting an invitation needs no organisation
 * yet), or null. Cached per request.
 */
export const getSignedInUser = cache(async (): Promise<{ userId: string } | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.uid) return null;
  const [user] = await withoutTenant(
    (tx) =>
      tx
        .select({ id: users.id, sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.id, session.uid)),
    session.uid,
  );
  return user && user.sessionVersion === session.sv ? { userId: user.id } : null;
});
