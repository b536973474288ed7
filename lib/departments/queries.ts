import "server-only";
import { memberCountsByDepartment } from "@/lib/users/queries";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, users } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { sortByName } from "@/lib/core/i18n/collate";
import type { Cursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";

export interface DepartmentRow {
  id: string;
  name: string;
  headUserId: string | null;
  headName: string | null;
  memberCount: number;
}

const columns = {
  id: departments.id,
  name: departments.name,
  headUserId: departments.headUserId,
  headName: users.name,
};

/** Departments by name: keyset on the (org_id, name) unique index; `headedBy` keeps those one person heads. */
export async function listDepartments(
  tx: Tx,
  orgId: string,
  opts: { cursor?: Cursor; limit: number; headedBy?: string },
) {
  const found = await tx
    .select(columns)
    .from(departments)
    .leftJoin(users, eq(users.id, departments.headUserId))
    .where(
      and(
        eq(departments.orgId, orgId),
        opts.headedBy ? eq(departments.headUserId, opts.headedBy) : undefined,
        afterCursor(departments.name, departments.id, "asc", opts.cursor),
      ),
    )
    .orderBy(...keysetOrder(departments.name, departments.id, "asc"))
    .limit(opts.limit + 1);
  const page = pageOf(found, opts.limit, (r) => ({ v: r.name, id: r.id }));
  const counts = await memberCountsByDepartment(
    tx,
    orgId,
    page.rows.map((r) => r.id),
  );
  return {
    ...page,
    rows: page.rows.map((r): DepartmentRow => ({ ...r, memberCount: counts.get(r.id) ?? 0 })),
  };
}

export async function getDepartment(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<DepartmentRow | undefined> {
  const [row] = await tx
    .select(columns)
    .from(departments)
    .leftJoin(users, eq(users.id, departments.headUserId))
    .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  if (!row) return undefined;
  return { ...row, memberCount: (await memberCountsByDepartment(tx, orgId, [id])).get(id) ?? 0 };
}

/** All departments for a picker (invite, change department). */
export async function departmentOptions(
  tx: Tx,
  orgId: string,
): Promise<Array<{ id: string; name: string }>> {
  return sortByName(
    await tx
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.orgId, orgId)),
  );
}

/** A department id from a form must name one of this organisation's departments. */
export async function assertDepartmentExists(
  tx: Tx,
  orgId: string,
  id: string,
  field: string,
): Promise<void> {
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  if (!row) throw new AppError("invalid", { [field]: "choice" });
}

/** The department a person heads (the first by name when several), or null: where a manager starts. */
export async function departmentHeadedBy(
  tx: Tx,
  orgId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.headUserId, userId)))
    .orderBy(asc(departments.name))
    .limit(1);
  return row?.id ?? null;
}
