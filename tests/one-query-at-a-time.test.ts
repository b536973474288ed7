import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withoutTenant } from "@/db/tenant";
import { concurrentQueries } from "./setup";

afterAll(closeAppDb);

describe("one query at a time on a transaction", () => {
  it("notices code that sends two queries at once on one transaction (pg 9 refuses it)", async () => {
    await withoutTenant((tx) =>
      Promise.all([tx.execute(sql`select pg_sleep(0.05)`), tx.execute(sql`select 1`)]),
    );
    const noticed = concurrentQueries.splice(0);
    expect(noticed).toHaveLength(1);
  });

  it("lets the same queries run one after the other", async () => {
    const rows = await withoutTenant(async (tx) => [
      await tx.execute(sql`select 1 as n`),
      await tx.execute(sql`select 2 as n`),
    ]);
    expect(rows.map((r) => r.rows[0].n)).toEqual([1, 2]);
    expect(concurrentQueries).toHaveLength(0);
  });
});
