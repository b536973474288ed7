import "server-only";
import { and, asc, eq, gt, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { ApiProblem } from "./problem";
import type { customerView } from "./schemas";

const START = { v: 0, id: "00000000-0000-0000-0000-000000000000" };
type CustomerView = z.infer<typeof customerView>;

const viewColumns = {
  id: customers.id,
  externalRef: customers.externalRef,
  status: customers.status,
  displayName: customers.nameMasked,
  phone: customers.phoneMasked,
  email: customers.emailMasked,
  nationalId: customers.nationalIdMasked,
  address: customers.addressMasked,
  birthDate: customers.birthDateMasked,
  realNameVerified: customers.realNameVerified,
  region: customers.region,
  laws: customers.laws,
  createdAt: customers.createdAt,
  lastActiveAt: customers.lastActiveAt,
  updatedAt: customers.updatedAt,
  changeTx: customers.changeTx,
};
type Row = {
  [K in keyof typeof viewColumns]:
    | (typeof viewColumns)[K]["_"]["data"]
    | ((typeof viewColumns)[K]["_"]["notNull"] extends true ? never : null);
};

/** The API's view of a customer: stored masks only, so nothing is decrypted to answer. */
function toView({ changeTx: _tx, ...row }: Row): CustomerView {
  const iso = (value: string | Date) => new Date(value).toISOString();
  return {
    ...row,
    laws: row.laws as CustomerView["laws"],
    createdAt: iso(row.createdAt),
    lastActiveAt: row.lastActiveAt && iso(row.lastActiveAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A customer by the platform's ref, masked; undefined when unknown or erased. */
export async function customerByRef(
  tx: Tx,
  orgId: string,
  externalRef: string,
): Promise<CustomerView | undefined> {
  const [row] = await tx
    .select(viewColumns)
    .from(customers)
    .where(
      and(
        eq(customers.orgId, orgId),
        eq(customers.externalRef, externalRef),
        ne(customers.status, "erased"),
      ),
    );
  return row && toView(row);
}

/**
 * Customers written since the cursor, in (change_tx, id) order. A transaction that started
 * earlier but commits later has a smaller change_tx than rows already returned, so only rows
 * below the oldest transaction still running (pg_snapshot_xmin) are returned: nothing behind the
 * cursor can appear afterwards. Erased customers come through with status erased and their masks
 * cleared (erasure empties them), which tells the platform to forget them.
 */
export async function customerChanges(
  tx: Tx,
  orgId: string,
  opts: { cursor?: string; limit: number },
) {
  const cursor = decodeCursor(opts.cursor);
  const after = cursor && typeof cursor.v === "number" ? cursor : undefined;
  if (opts.cursor && !after)
    throw new ApiProblem("validation", "The cursor is not one this API returned.", [
      { index: -1, field: "cursor", code: "invalid", message: "Unknown cursor." },
    ]);
  const rows = await tx
    .select(viewColumns)
    .from(customers)
    .where(
      and(
        eq(customers.orgId, orgId),
        sql`${customers.changeTx} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`,
        after
          ? or(
              gt(customers.changeTx, after.v as number),
              and(eq(customers.changeTx, after.v as number), gt(customers.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(customers.changeTx), asc(customers.id))
    .limit(opts.limit);
  const last = rows.at(-1);
  // An empty page keeps the cursor where it was, so the caller can poll with it.
  const next = last
    ? encodeCursor({ v: last.changeTx, id: last.id })
    : (opts.cursor ?? encodeCursor(START));
  return { items: rows.map(toView), next };
}
