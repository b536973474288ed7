import { execFile } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { newToken } from "@/lib/api/token";
import { signingKeyFrom } from "@/lib/core/audit/signing-key";
import { appendToLedger } from "@/lib/customers/erasure-ledger";
import { generateSecrets } from "@/lib/core/env/dev-secrets";

const run = promisify(execFile);

/** Runs one of the project's scripts as `npm run` would, with only the given environment on top of PATH. */
async function script(name: string, args: string[], env: Record<string, string>) {
  const result = await run(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", `scripts/${name}.ts`, ...args],
    {
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? "/root",
        NODE_ENV: "production",
        ...env,
      },
      maxBuffer: 16 << 20,
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
  return result;
}

describe("db:backup, then a restore drill on a new data directory with the same secrets", () => {
  let root = "";
  let server: EmbeddedServer | undefined;
  afterAll(async () => {
    await server?.stop().catch(() => {});
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("restores a seeded, running demo: the audit chains verify, customers decrypt, customers erased since are erased again, the API key works; other secrets are refused", async () => {
    // The embedded default's layout: PD_DATA_DIR/postgres and PD_DATA_DIR/dev-secrets.json.
    root = await mkdtemp(join(tmpdir(), "pd-backup-"));
    await chmod(root, 0o755);
    const secrets = generateSecrets();
    writeFileSync(join(root, "dev-secrets.json"), JSON.stringify(secrets), { mode: 0o600 });
    server = await startEmbeddedPostgres({
      dataDir: join(root, "postgres"),
      password: secrets.POSTGRES_PASSWORD!,
      persistent: true,
      ownStop: true,
    });
    const owner = new Client({ connectionString: server.url("postgres") });
    await owner.connect();
    await owner.query("create database privacy_desk");
    await owner.end();
    const url = server.url("privacy_desk");
    await migrateDatabase(url, secrets.DATABASE_APP_PASSWORD!);
    const seeded = await script("seed", [], { ...secrets, DATABASE_URL: url });
    expect(seeded.output).toContain("Demo data created");

    const key = newToken();
    const db = new Client({ connectionString: url });
    await db.connect();
    await db.query(
      `insert into api_keys (org_id, name, prefix, secret_hash, scopes, created_by)
       select o.id, 'drill', $1, $2, array['customers:write'], m.user_id
       from organizations o join memberships m on m.org_id = o.id where o.slug = 'demo' limit 1`,
      [key.prefix, key.secretHash],
    );
    const {
      rows: [erasedLater],
    } = await db.query<{ orgId: string; customerId: string }>(
      `select c.org_id as "orgId", c.id as "customerId" from customers c
       join organizations o on o.id = c.org_id
       where o.slug = 'demo' and c.status <> 'erased' limit 1`,
    );
    await db.end();

    // Online: the server keeps running while the backup is taken.
    const backup = await script("db-backup", ["--out", join(root, "backup.tar.gz")], {
      PD_DATA_DIR: root,
    });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/MASTER_KEY \(fingerprint [0-9a-f]{16}\)/);
    expect(backup.output).not.toContain(secrets.MASTER_KEY);
    await server.stop();
    server = undefined;
    // A customer erased after the backup: the erasure ledger (kept beside the data directory,
    // signed with the deployment's key) has their line, so the restored copy erases them again.
    await appendToLedger([{ ...erasedLater, seq: 1_000_000, erasedAt: new Date().toISOString() }], {
      path: join(root, "erasure-ledger.jsonl"),
      key: signingKeyFrom(secrets.AUDIT_SIGNING_KEY!),
    });

    const drill = await script(
      "restore-drill",
      [join(root, "backup.tar.gz"), "--api-token", key.token],
      { PD_DATA_DIR: root },
    );
    expect(drill.output).toContain("Restore drill passed.");
    expect(drill.output).toMatch(/ok {4}audit chain of demo: intact to #\d+/);
    expect(drill.output).toMatch(/ok {4}vault of demo: 3 of 3 sampled customers decrypted/);
    expect(drill.output).toContain("ok    API key: ok");
    expect(drill.output).toContain(
      "ok    erasure ledger: 1 customers erased after this backup erased again, 0 untrusted lines",
    );
    expect(drill.code).toBe(0);

    const other = generateSecrets();
    const refused = await script("restore-drill", [join(root, "backup.tar.gz")], {
      ...secrets,
      MASTER_KEY: other.MASTER_KEY!,
      PD_DATA_DIR: root,
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("other secrets: MASTER_KEY differ");
    // The drill leaves nothing behind.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith("pd-restore-drill-"))).toEqual(
      [],
    );
  }, 300_000);
});
