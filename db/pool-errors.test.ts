import { Client, Pool } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { redirectLogs } from "@/lib/core/log/logger";
import { watchPoolErrors } from "./pool-errors";

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);

afterEach(() => {
  process.removeListener("uncaughtException", onUncaught);
});

describe("a pool whose connections the database drops (a restart, a failover)", () => {
  it("logs the loss once per connection, idle or checked out, throws nothing uncaught, and connects again", async () => {
    process.on("uncaughtException", onUncaught);
    const lines: Array<Record<string, unknown>> = [];
    let seen: () => void = () => {};
    const bothLogged = new Promise<void>((resolve) => (seen = resolve));
    const restore = redirectLogs((line) => {
      lines.push(JSON.parse(line));
      if (lines.filter((entry) => entry.msg === "database connection lost").length === 2) seen();
    });
    const pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: 2,
      application_name: "pool-errors-test",
    });
    watchPoolErrors(pool, "test-pool");
    try {
      // One connection checked out and waiting (a transaction between two statements), one idle.
      const held = await pool.connect();
      const idle = await pool.connect();
      idle.release();
      const pids = (await held.query<{ pid: number }>("select pg_backend_pid() as pid")).rows.map(
        (r) => r.pid,
      );

      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pool-errors-test'",
      );
      await admin.end();
      await bothLogged;

      const lost = lines.filter((entry) => entry.msg === "database connection lost");
      expect(lost).toHaveLength(2);
      expect(lost[0]).toMatchObject({ level: "warn", event: "test-pool", err: { code: "57P01" } });
      expect(uncaught).toEqual([]);

      held.release(true);
      const again = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
      expect(pids).not.toContain(again.rows[0].pid);
    } finally {
      restore();
      await pool.end();
    }
  });
});
