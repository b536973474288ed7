import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { log } from "@/lib/core/log/logger";

/** Secrets the embedded demo generates for itself; a real deployment sets them in the environment. */
export function generateSecrets(): Record<string, string> {
  const { privateKey } = generateKeyPairSync("ed25519");
  return {
    POSTGRES_PASSWORD: randomBytes(18).toString("base64url"),
    DATABASE_APP_PASSWORD: randomBytes(24).toString("base64url"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    MASTER_KEY: randomBytes(32).toString("base64"),
    AUDIT_SIGNING_KEY: Buffer.from(
      privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    ).toString("base64"),
  };
}

/**
 * Reads (or creates, mode 0600) a file of demo secrets and fills in every variable the
 * environment does not already set. Only the embedded demo database uses this.
 */
export function loadDevSecrets(file: string): Record<string, string> {
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify(generateSecrets(), null, 2), { mode: 0o600 });
    log.warn(
      { file },
      "generated demo secrets (master key, signing key, passwords): they protect demo data only; production sets every secret in the environment (.env.example)",
    );
  }
  const secrets = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  for (const [name, value] of Object.entries(secrets)) process.env[name] ??= value;
  return secrets;
}
