import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { byteaArray } from "@/db/bytea-array";
import type { Tx } from "@/db/client";
import { customers, dataKeys } from "@/db/schema";
import { currentTxId } from "@/db/schema/columns";

// Batches go to PostgreSQL as one array per column through unnest(): a handful of bind
// parameters however many rows, instead of rows × columns parameters for a VALUES list (whose
// building and parsing cost more than the insert itself at 500 rows).

type Insert = typeof customers.$inferInsert;
type Field = keyof Insert & keyof typeof customers;
interface ColumnInfo {
  name: string;
  getSQLType(): string;
}

const columnOf = (field: Field) => customers[field] as unknown as ColumnInfo;

/** What an absent value is stored as on insert (the column defaults that matter here). */
const insertDefaults: Partial<Record<Field, unknown>> = {
  realNameVerified: false,
  laws: [],
  status: "active",
};

/**
 * One `unnest(...) as u(c0, c1, …)` over the fields' values. Array-typed columns (laws) travel as
 * array literals in a text[] and are cast back per row by `value(i)`.
 */
function unnest(
  fields: Field[],
  rows: Partial<Insert>[],
  fallback: (field: Field) => unknown = () => null,
) {
  const types = fields.map((field) => columnOf(field).getSQLType());
  const args = fields.map((field, i) => {
    const nested = types[i].endsWith("[]");
    const values = rows.map((row) => {
      const value = row[field] ?? fallback(field);
      return nested && Array.isArray(value) ? `{${value.join(",")}}` : value;
    });
    if (types[i] === "bytea") return byteaArray(values as Array<Buffer | null>);
    return sql`${sql.param(values)}::${sql.raw(nested ? "text[]" : `${types[i]}[]`)}`;
  });
  const alias = (i: number) => sql.identifier(`c${i}`);
  const value = (i: number): SQL =>
    types[i].endsWith("[]") ? sql`u.${alias(i)}::${sql.raw(types[i])}` : sql`u.${alias(i)}`;
  return {
    from: sql`unnest(${sql.join(args, sql`, `)}) as u(${sql.join(
      fields.map((_, i) => alias(i)),
      sql`, `,
    )})`,
    value,
  };
}

/**
 * Inserts new customers in one statement, with their data keys (made for them just now, so none
 * can exist yet) in the same statement.
 */
export async function insertCustomers(
  tx: Tx,
  rows: Insert[],
  keys: Array<typeof dataKeys.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))] as Field[];
  const { from, value } = unnest(fields, rows, (field) => insertDefaults[field] ?? null);
  const column = <K extends keyof (typeof keys)[number]>(key: K) =>
    sql.param(keys.map((k) => k[key]));
  // execute() sends the statement now: a drizzle query otherwise starts when awaited, after
  // whatever the caller computes next (upsertCustomers encrypts its second half meanwhile).
  await tx
    .execute(
      sql`
    with data_key as (
      insert into ${dataKeys} (org_id, subject_id, org_key_version, wrapped_key)
      select * from unnest(${column("orgId")}::uuid[], ${column("subjectId")}::uuid[], ${column("orgKeyVersion")}::int[], ${byteaArray(keys.map((k) => k.wrappedKey ?? null))})
    )
    insert into ${customers} (${sql.join(
      fields.map((f) => sql.identifier(columnOf(f).name)),
      sql`, `,
    )})
    select ${sql.join(
      fields.map((_, i) => value(i)),
      sql`, `,
    )} from ${from}`,
    )
    .execute();
}

/**
 * Applies updates in one statement per set of changed columns (a batch mostly changes the same
 * fields, so usually one), stamping updated_at and change_tx.
 */
export async function updateCustomers(
  tx: Tx,
  orgId: string,
  updates: { id: string; changes: Partial<Insert> }[],
): Promise<void> {
  const groups = new Map<string, { id: string; changes: Partial<Insert> }[]>();
  for (const update of updates) {
    const signature = Object.keys(update.changes).sort().join(",");
    groups.set(signature, [...(groups.get(signature) ?? []), update]);
  }
  for (const [signature, group] of groups) {
    const fields = ["id", ...signature.split(",")] as Field[];
    const { from, value } = unnest(
      fields,
      group.map(({ id, changes }) => ({ ...changes, id })),
    );
    const sets = fields
      .slice(1)
      .map((field, i) => sql`${sql.identifier(columnOf(field).name)} = ${value(i + 1)}`);
    await tx.execute(sql`update ${customers} set ${sql.join(sets, sql`, `)}, updated_at = now(), change_tx = ${currentTxId}
      from ${from} where ${customers.orgId} = ${orgId} and ${customers.id} = ${value(0)}`);
  }
}
