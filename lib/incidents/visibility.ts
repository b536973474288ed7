import "server-only";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, memberships, type Role } from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";

export interface Viewer {
  userId: string;
  role: Role;
}

/**
 * Which incidents a person sees: whoever manages incidents, and auditors, every one; a manager
 * their department's (as reported from it) and their own reports; everyone else their own reports.
 */
export async function visibleIncidents(
  tx: Tx,
  orgId: string,
  viewer: Viewer,
): Promise<SQL | undefined> {
  if (can(viewer.role, "incidents.manage") || viewer.role === "auditor") return undefined;
  const own = eq(incidents.reportedBy, viewer.userId);
  if (viewer.role !== "manager") return own;
  const [membership] = await tx
    .select({ departmentId: memberships.departmentId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, viewer.userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  return membership?.departmentId
    ? or(own, eq(incidents.departmentId, membership.departmentId))
    : own;
}

/** The reporter's department when they report: it decides which manager sees the incident. */
export async function departmentOf(tx: Tx, orgId: string, userId: string): Promise<string | null> {
  const [membership] = await tx
    .select({ departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return membership?.departmentId ?? null;
}
