/**
 * `npm run keys:rotate-master`: finishes a master key rotation. Set MASTER_KEY to the new key and
 * MASTER_KEY_PREVIOUS to the old one, restart the app, run this, then remove MASTER_KEY_PREVIOUS.
 * Safe to run again: it only touches what the current master key does not already protect.
 */
import { existsSync } from "node:fs";
import { closeAppDb } from "@/db/client";
import { parseEnv } from "@/lib/core/env/schema";
import { rotateMasterKey } from "@/lib/keys/master-rotation";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = parseEnv(process.env);
if (!env.MASTER_KEY_PREVIOUS)
  console.warn("MASTER_KEY_PREVIOUS is not set: only keys already under MASTER_KEY can be read.");
try {
  const summary = await rotateMasterKey();
  console.log(
    `master key ${summary.masterKeyId}: ${summary.orgKeyVersions} organisation key version(s) rewrapped across ${summary.organisations} organisation(s), ${summary.totpSecrets} TOTP secret(s) resealed.`,
  );
  if (summary.orgKeyVersions === 0 && summary.totpSecrets === 0)
    console.log("Nothing left under an older master key.");
} catch (error) {
  console.error("master key rotation failed:", (error as Error).name, (error as Error).message);
  process.exitCode = 1;
} finally {
  await closeAppDb();
}
