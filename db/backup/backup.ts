import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { copyTree } from "./copy-tree";
import { fingerprints, type BackupManifest } from "./manifest";

const run = promisify(execFile);

/** Directories whose contents a base backup leaves out (PostgreSQL recreates them); WAL comes after the stop. */
const SKIPPED_CONTENTS = [
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
  "log",
];
const SKIPPED_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "recovery.signal",
  "standby.signal",
]);

const skipped = (path: string) =>
  SKIPPED_FILES.has(path) ||
  path.includes("pgsql_tmp") ||
  SKIPPED_CONTENTS.some((dir) => path.startsWith(`${dir}/`));

/**
 * An online physical backup of a running PostgreSQL whose data directory is on this machine
 * (the embedded default), taken as PostgreSQL documents it: `pg_backup_start`, a copy of the
 * files while the server keeps working, `pg_backup_stop`, its backup label, then the WAL written
 * meanwhile (a temporary replication slot keeps it from being recycled during the copy).
 * Restoring replays that WAL to a consistent state. Works with the server's own version, which
 * the host's older pg_dump refuses. The tar.gz holds `manifest.json` and `data/`; no secret.
 */
export async function takePhysicalBackup(opts: {
  ownerUrl: string;
  dataDir: string;
  outFile: string;
  secrets: Record<string, string | undefined>;
}): Promise<BackupManifest> {
  const outFile = resolve(opts.outFile);
  const staging = await mkdtemp(join(dirname(outFile), ".backup-"));
  const data = join(staging, "data");
  const client = new Client({ connectionString: opts.ownerUrl });
  await client.connect();
  try {
    const {
      rows: [{ server_version: postgresVersion }],
    } = await client.query<{ server_version: string }>("show server_version");
    await client.query("select pg_create_physical_replication_slot($1, true, true)", [
      `pd_backup_${process.pid}`,
    ]);
    const {
      rows: [{ lsn: startLsn }],
    } = await client.query<{ lsn: string }>("select pg_backup_start($1, true) as lsn", [
      `privacy-desk ${new Date().toISOString()}`,
    ]);
    await copyTree(opts.dataDir, data, skipped);
    const {
      rows: [stop],
    } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      "select lsn, labelfile, spcmapfile from pg_backup_stop(false)",
    );
    await writeFile(join(data, "backup_label"), stop.labelfile);
    if (stop.spcmapfile) await writeFile(join(data, "tablespace_map"), stop.spcmapfile);
    await copyTree(join(opts.dataDir, "pg_wal"), join(data, "pg_wal"), (path) =>
      path.startsWith("archive_status/"),
    );
    const manifest: BackupManifest = {
      format: "privacy-desk/physical-backup/v1",
      createdAt: new Date().toISOString(),
      postgresVersion,
      startLsn,
      stopLsn: stop.lsn,
      secrets: fingerprints(opts.secrets),
    };
    await writeFile(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await run("tar", ["-czf", outFile, "-C", staging, "manifest.json", "data"]);
    return manifest;
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}
