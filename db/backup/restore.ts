import { execFile } from "node:child_process";
import { chmod, mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { mismatchedSecrets, type BackupManifest } from "./manifest";

const run = promisify(execFile);

/** The manifest of a backup file, read without unpacking the data. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const { stdout } = await run("tar", ["-xzOf", file, "manifest.json"], { maxBuffer: 1 << 20 });
  const manifest = JSON.parse(stdout) as BackupManifest;
  if (manifest.format !== "privacy-desk/physical-backup/v1")
    throw new Error(`${file} is not a Privacy Desk backup (format ${manifest.format}).`);
  return manifest;
}

/**
 * Unpacks a backup into a new data directory (refusing one that has files) after checking that
 * the secrets at hand are the ones it was taken under: a restore with another master key would
 * start, then fail on every sealed value. As root, the files go to the `postgres` user that the
 * embedded server runs as. The first start replays the backup's WAL to a consistent state.
 */
export async function restoreBackup(opts: {
  file: string;
  dataDir: string;
  secrets: Record<string, string | undefined>;
}): Promise<BackupManifest> {
  const manifest = await readManifest(opts.file);
  const wrong = mismatchedSecrets(manifest, opts.secrets);
  if (wrong.length > 0) {
    throw new Error(
      `This backup was taken under other secrets: ${wrong.join(", ")} differ. Restore it with the secrets kept with it (see docs/operations.md).`,
    );
  }
  const dataDir = resolve(opts.dataDir);
  const existing = await readdir(dataDir).catch(() => []);
  if (existing.length > 0)
    throw new Error(
      `${dataDir} is not empty: restore into a new data directory, or move this one aside first.`,
    );
  await mkdir(dirname(dataDir), { recursive: true });
  const unpacked = `${dataDir}.restoring`;
  await rm(unpacked, { recursive: true, force: true });
  await mkdir(unpacked, { recursive: true });
  await run("tar", ["-xzf", opts.file, "-C", unpacked, "data"]);
  await rm(dataDir, { recursive: true, force: true });
  await rename(join(unpacked, "data"), dataDir);
  await rm(unpacked, { recursive: true, force: true });
  await chmod(dataDir, 0o700);
  if (process.getuid?.() === 0) await run("chown", ["-R", "postgres:postgres", dataDir]);
  return manifest;
}

/** The kept secrets of a backup, as a restore prints them. */
export async function describeBackup(file: string): Promise<string> {
  const manifest = await readManifest(file);
  const secrets = Object.entries(manifest.secrets).map(
    ([name, print]) => `  ${name} (fingerprint ${print || "none"})`,
  );
  return [
    `Backup of ${manifest.createdAt}, PostgreSQL ${manifest.postgresVersion}, WAL ${manifest.startLsn} → ${manifest.stopLsn}.`,
    "Keep these secrets with it; it does not contain them:",
    ...secrets,
  ].join("\n");
}
