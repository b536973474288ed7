import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { APP_ROLE } from "@/db/urls";
import { seedTenancyFixture } from "@/tests/tenancy-fixture";

/**
 * Tenant isolation, derived from the catalog: every table with an org_id column must have forced
 * RLS and a policy, and the application role must neither see nor touch another organisation's
 * rows in any of them. A new table without fixture rows fails here until the fixture covers it.
 */
let owner: Client;
let orgA: string;
let orgB: string;
let tables: string[];

beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  ({ orgA, orgB } = await seedTenancyFixture());
  const result = await owner.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
     join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE' order by 1`,
  );
  tables = result.rows.map((r) => r.table_name);
});

afterAll(async () => {
  await owner.end();
  await closeAppDb();
});

const errorCode = (error: unknown) =>
  (error as { cause?: { code?: string }; code?: string }).cause?.code ??
  (error as { code?: string }).code;

describe("tenant isolation", () => {
  it("finds the tenant tables", () => {
    expect(tables).toEqual(
      expect.arrayContaining(["vendors", "audit_events", "memberships", "departments"]),
    );
  });

  it("forces row-level security with a policy on every tenant table", async () => {
    const { rows } = await owner.query<{
      relname: string;
      forced: boolean;
      enabled: boolean;
      policies: number;
    }>(
      `select c.relname, c.relforcerowsecurity as forced, c.relrowsecurity as enabled,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1)`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const row of rows)
      expect(row, row.relname).toMatchObject({
        forced: true,
        enabled: true,
        policies: expect.any(Number),
      });
    for (const row of rows) expect(row.policies, row.relname).toBeGreaterThan(0);
  });

  it("runs the application as a role that cannot bypass RLS and owns nothing", async () => {
    const { rows } = await owner.query(
      `select rolsuper, rolbypassrls, (select count(*)::int from pg_tables where tableowner = $1) as owned from pg_roles where rolname = $1`,
      [APP_ROLE],
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const current = await appDb().execute<{ user: string }>(sql`select current_user as user`);
    expect(current.rows[0].user).toBe(APP_ROLE);
  });

  it("has rows of both organisations in every tenant table (the fixture covers them all)", async () => {
    for (const table of tables) {
      const { rows } = await owner.query(
        `select count(*) filter (where org_id = $1)::int as a, count(*) filter (where org_id = $2)::int as b from "${table}"`,
        [orgA, orgB],
      );
      expect(rows[0].a, `${table} rows in org A`).toBeGreaterThan(0);
      expect(rows[0].b, `${table} rows in org B`).toBeGreaterThan(0);
    }
  });

  it("lets the app role read only the current organisation's rows, and none without one", async () => {
    for (const table of tables) {
      const [own, other] = await withTenant(orgA, async (tx) => [
        (
          await tx.execute<{ n: number }>(
            sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgA}`,
          )
        ).rows[0].n,
        (
          await tx.execute<{ n: number }>(
            sql`select count(*)::int as n from ${sql.identifier(table)} where org_id <> ${orgA}`,
          )
        ).rows[0].n,
      ]);
      expect(own, `${table}: own rows visible`).toBeGreaterThan(0);
      expect(other, `${table}: other organisations' rows visible`).toBe(0);
      const unscoped = await appDb().execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      );
      expect(unscoped.rows[0].n, `${table}: rows visible without an organisation`).toBe(0);
    }
  });

  it("lets the app role neither change, delete nor insert another organisation's rows", async () => {
    for (const table of tables) {
      const {
        rows: [victim],
      } = await owner.query(
        `select row_to_json(t) as row from "${table}" t where org_id = $1 limit 1`,
        [orgB],
      );
      const outcome = (fn: () => Promise<{ rowCount: number | null }>) =>
        fn().then(
          (r) => r.rowCount ?? 0,
          (e) => errorCode(e),
        );
      const updated = await withTenant(orgA, (tx) =>
        outcome(() =>
          tx.execute(
            sql`update ${sql.identifier(table)} set org_id = org_id where org_id = ${orgB}`,
          ),
        ),
      );
      const deleted = await withTenant(orgA, (tx) =>
        outcome(() => tx.execute(sql`delete from ${sql.identifier(table)} where org_id = ${orgB}`)),
      );
      const inserted = await withTenant(orgA, (tx) =>
        outcome(() =>
          tx.execute(
            sql`insert into ${sql.identifier(table)} select * from json_populate_record(null::${sql.identifier(table)}, ${JSON.stringify(victim.row)}::json)`,
          ),
        ),
      );
      // 0 rows matched, or refused outright ("42501": insufficient privilege / RLS violation).
      expect([0, "42501"], `${table} update`).toContain(updated);
      expect([0, "42501"], `${table} delete`).toContain(deleted);
      expect(inserted, `${table} insert as another organisation`).toBe("42501");
    }
    const { rows } = await owner.query(`select count(*)::int as n from vendors where org_id = $1`, [
      orgB,
    ]);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
