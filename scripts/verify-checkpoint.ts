/**
 * Verifies a downloaded audit checkpoint outside the application:
 *   tsx --conditions=react-server scripts/verify-checkpoint.ts <file.json> [--public-key key.pem]
 * Always checks the Ed25519 signature; when DATABASE_URL is set, also checks that the live chain
 * still matches the checkpoint. Exit code 0 = valid, 1 = not valid, 2 = usage error.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { Client } from "pg";
import * as schema from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import {
  parseCheckpointDocument,
  publicKeyFingerprint,
  verifyCheckpointSignature,
} from "@/lib/core/audit/checkpoint-signature";
import { verifyCheckpointAgainstChain } from "@/lib/core/audit/checkpoint-verify";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "public-key": { type: "string" } },
});
if (positionals.length !== 1) {
  console.error("usage: verify-checkpoint <checkpoint.json> [--public-key key.pem]");
  process.exit(2);
}
if (existsSync(".env")) process.loadEnvFile(".env");

const document = parseCheckpointDocument(readFileSync(positionals[0], "utf8"));
if (!document) {
  console.error("✗ not a checkpoint document (invalid JSON or missing fields)");
  process.exit(1);
}
const keyFile = values["public-key"];
const publicKeyPem = keyFile ? readFileSync(keyFile, "utf8") : document.publicKey;
console.log(
  `checkpoint: organisation ${document.payload.orgId}, event #${document.payload.seq}, signed ${document.payload.signedAt}`,
);
console.log(`key fingerprint (SHA-256): ${publicKeyFingerprint(publicKeyPem)}`);
if (!keyFile)
  console.warn(
    "! no --public-key given: using the key inside the file. Compare the fingerprint above with the published one.",
  );

const signature = verifyCheckpointSignature(document, publicKeyPem);
if (!signature.valid) {
  console.error(`✗ signature: ${signature.reason}`);
  process.exit(1);
}
console.log("✓ signature valid");

if (!process.env.DATABASE_URL) {
  console.log("DATABASE_URL not set: chain not checked.");
  process.exit(0);
}
const client = new Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const verdict = await drizzle({ client, schema }).transaction(async (tx) => {
    await enterTenant(tx, document.payload.orgId);
    return verifyCheckpointAgainstChain(tx, document, publicKeyPem);
  });
  if (!verdict.ok) {
    console.error(
      `✗ chain: ${verdict.reason}${"brokenAt" in verdict ? ` at #${verdict.brokenAt}` : ""}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `✓ chain intact up to #${document.payload.seq} and the event still has the signed hash`,
    );
  }
} finally {
  await client.end();
}
