import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

describe("the embedded PostgreSQL's own log", () => {
  let root = "";
  let server: EmbeddedServer | undefined;
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("goes to an hourly file under the data directory, at most 24 kept, with no query's values", async () => {
    root = await mkdtemp(join(tmpdir(), "pd-pglog-"));
    await chmod(root, 0o755);
    const dataDir = join(root, "postgres");
    server = await startEmbeddedPostgres({ dataDir, password: "pg-log-test", persistent: true });

    const client = new Client({ connectionString: server.url("postgres") });
    await client.connect();
    const setting = async (name: string) =>
      (await client.query(`select current_setting('${name}') as v`)).rows[0].v as string;
    expect(await setting("logging_collector")).toBe("on");
    expect(await setting("log_directory")).toBe("log");
    expect(await setting("log_filename")).toBe("postgresql-%H.log");
    expect(await setting("log_rotation_age")).toBe("1h");
    expect(await setting("log_truncate_on_rotation")).toBe("on");

    // A query that fails quoting its value, and a refused password: the first must not reach the log.
    await expect(client.query("select $1::int", ["phone-13912345678"])).rejects.toThrow(
      /invalid input syntax/,
    );
    await expect(client.query("select 'customer-ref-7731'::int")).rejects.toThrow(
      /invalid input syntax/,
    );
    const intruder = new Client({
      connectionString: server.url("postgres").replace("pg-log-test", "wrong"),
    });
    await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);
    // Rotating now writes everything so far and proves the collector owns the file.
    await client.query("select pg_rotate_logfile()");
    await client.end();

    const files = readdirSync(join(dataDir, "log"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^postgresql-([01]\d|2[0-3])\.log$/);
    // The collector writes on its own schedule: wait (up to 10 s) for the refused login's line.
    const logFile = join(dataDir, "log", files[0]);
    await expect
      .poll(() => readFileSync(logFile, "utf8"), { timeout: 10_000 })
      .toContain("password authentication failed");
    const text = readFileSync(logFile, "utf8");
    expect(text).toContain("database system is ready to accept connections");
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("customer-ref-7731");
  });
});
