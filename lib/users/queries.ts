import "server-only";
import {
  and,
  asc,
  count,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, memberships, users, type Role } from "@/db/schema";
import { mfaRequiredRoles } from "@/lib/core/authz/permissions";
import { sortByName } from "@/lib/core/i18n/collate";
import { decodeCursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import type { MemberListQuery } from "./list-query";

/** "missing": the role requires a second factor and the person has not enrolled yet. */
export type MfaStatus = "enrolled" | "missing" | "none";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  mfa: MfaStatus;
  deactivated: boolean;
  joinedAt: Date;
}

export function mfaStatus(role: Role, enrolledAt: Date | null): MfaStatus {
  if (enrolledAt) return "enrolled";
  return mfaRequiredRoles.includes(role) ? "missing" : "none";
}

const columns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  departmentId: memberships.departmentId,
  departmentName: departments.name,
  totpEnabledAt: users.totpEnabledAt,
  deactivatedAt: memberships.deactivatedAt,
  joinedAt: memberships.createdAt,
};

// The org filter is explicit: RLS also lets the actor see their own memberships in other orgs.
function membersOf(tx: Tx, orgId: string, where?: SQL) {
  return tx
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      departments,
      and(eq(departments.orgId, memberships.orgId), eq(departments.id, memberships.departmentId)),
    )
    .where(and(eq(memberships.orgId, orgId), where));
}

function toRow({
  totpEnabledAt,
  deactivatedAt,
  ...r
}: Awaited<ReturnType<typeof membersOf>>[number]): MemberRow {
  return { ...r, mfa: mfaStatus(r.role, totpEnabledAt), deactivated: deactivatedAt !== null };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(query: MemberListQuery): SQL | undefined {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.role ? eq(memberships.role, query.role) : undefined,
    query.status === "active"
      ? isNull(memberships.deactivatedAt)
      : query.status === "deactivated"
        ? isNotNull(memberships.deactivatedAt)
        : undefined,
  );
}

/** One page of members, keyset on (name or email, id): the filters, order and cursor come from the URL. */
export async function listMembers(tx: Tx, orgId: string, query: MemberListQuery, limit: number) {
  const column = query.sort === "email" ? users.email : users.name;
  const found = await membersOf(
    tx,
    orgId,
    and(filters(query), afterCursor(column, users.id, query.dir, decodeCursor(query.cursor))),
  )
    .orderBy(...keysetOrder(column, users.id, query.dir))
    .limit(limit + 1);
  return pageOf(found.map(toRow), limit, (r) => ({
    v: query.sort === "email" ? r.email : r.name,
    id: r.userId,
  }));
}

export async function getMember(
  tx: Tx,
  orgId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await membersOf(tx, orgId, eq(memberships.userId, userId));
  return row && toRow(row);
}

/** Active members for a picker (department head), by pinyin. */
export async function memberOptions(
  tx: Tx,
  orgId: string,
): Promise<Array<{ userId: string; name: string }>> {
  return sortByName(
    await tx
      .select({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))
      .orderBy(asc(users.id)),
  );
}

/** The active members of one department, by pinyin: the department page's team. */
export async function departmentMembers(
  tx: Tx,
  orgId: string,
  departmentId: string,
): Promise<Array<{ userId: string; name: string; role: Role }>> {
  return sortByName(
    await tx
      .select({ userId: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, orgId),
          eq(memberships.departmentId, departmentId),
          isNull(memberships.deactivatedAt),
        ),
      ),
  );
}

export async function isActiveMember(tx: Tx, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  return row !== undefined;
}

/** Whether the person has a membership here, active or deactivated. */
export async function hasMembership(tx: Tx, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row !== undefined;
}

/** Whether the address is a member's here (active or deactivated): this organisation's own records, nothing about any other. */
export async function isMemberEmail(tx: Tx, orgId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`lower(${users.email}) = lower(${email})`));
  return row !== undefined;
}

/**
 * The account with this address, if any. Accounts are global: only the invitation's acceptance
 * asks this (its link holder owns the address); an organisation's own screens never do.
 */
export async function accountByEmail(tx: Tx, email: string): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/** How many memberships (active or not) point at each department: a department in use cannot be deleted. */
export async function memberCountsByDepartment(
  tx: Tx,
  orgId: string,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: memberships.departmentId, n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.departmentId, ids)))
    .groupBy(memberships.departmentId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}
