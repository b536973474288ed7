import { createHash } from "node:crypto";

/**
 * What a backup says about itself (manifest.json beside its data/ folder). It names the secrets
 * that must be kept with it and carries a fingerprint of each, never the secret: without the
 * master key the vault in the backup is unreadable by design, and a restore checks it has the
 * right one before it starts.
 */
export interface BackupManifest {
  format: "privacy-desk/physical-backup/v1";
  createdAt: string;
  postgresVersion: string;
  startLsn: string;
  stopLsn: string;
  /** Secret name → fingerprint (SHA-256 under a fixed label, first 16 hex digits). */
  secrets: Record<KeptSecret, string>;
}

/** The secrets a restore needs: the data is sealed, signed or protected by these. */
export const KEPT_SECRETS = [
  "MASTER_KEY",
  "AUDIT_SIGNING_KEY",
  "DATABASE_APP_PASSWORD",
  "POSTGRES_PASSWORD",
] as const;
export type KeptSecret = (typeof KEPT_SECRETS)[number];

export function fingerprint(secret: string): string {
  return createHash("sha256")
    .update("privacy-desk/secret-fingerprint/v1\n")
    .update(secret)
    .digest("hex")
    .slice(0, 16);
}

export function fingerprints(
  secrets: Record<string, string | undefined>,
): Record<KeptSecret, string> {
  return Object.fromEntries(
    KEPT_SECRETS.map((name) => [name, secrets[name] ? fingerprint(secrets[name]) : ""]),
  ) as Record<KeptSecret, string>;
}

/** The kept secrets whose fingerprint differs from the backup's (a secret absent here counts as different). */
export function mismatchedSecrets(
  manifest: BackupManifest,
  secrets: Record<string, string | undefined>,
): KeptSecret[] {
  const here = fingerprints(secrets);
  return KEPT_SECRETS.filter(
    (name) => manifest.secrets[name] && here[name] !== manifest.secrets[name],
  );
}
