import "server-only";
import { sign, verify } from "node:crypto";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "@/lib/core/audit/canonical";
import { auditSigningKey, type SigningKey } from "@/lib/core/audit/signing-key";
import { env } from "@/lib/core/env";

/**
 * The erasure ledger: one signed line per erased customer (organisation id, customer id, the
 * `customer.erased` event's sequence number and time: ids only, never personal data), appended to
 * a file kept off the database's disk. A backup taken before an erasure still holds that
 * customer's data key; after such a backup is restored, the next start reads this file and erases
 * those customers again (erasure-replay.ts), so an erasure outlives every restore. Lines are signed
 * with the audit signing key: a line someone added or edited is not trusted, and never erases.
 */
export interface LedgerEntry {
  orgId: string;
  customerId: string;
  seq: number;
  erasedAt: string;
}

const DOMAIN = "privacy-desk/erasure-ledger/v1\n";

const lineSchema = z.object({
  orgId: z.uuid(),
  customerId: z.uuid(),
  seq: z.number().int().positive(),
  erasedAt: z.string(),
  keyId: z.string(),
  signature: z.base64(),
});

/** ERASURE_LEDGER_PATH, else PD_DATA_DIR/erasure-ledger.jsonl. */
export function ledgerPath(): string {
  return (
    env().ERASURE_LEDGER_PATH ?? join(process.env.PD_DATA_DIR ?? ".data", "erasure-ledger.jsonl")
  );
}

const signedBytes = ({ orgId, customerId, seq, erasedAt }: LedgerEntry) =>
  Buffer.from(DOMAIN + canonicalJson({ orgId, customerId, seq, erasedAt }), "utf8");

/** Where the ledger is and the key its lines are signed with: the deployment's, unless a test says. */
export interface LedgerFile {
  path?: string;
  key?: SigningKey;
}

/** Appends the entries as one write, flushed to disk before it returns. */
export async function appendToLedger(
  entries: LedgerEntry[],
  { path = ledgerPath(), key = auditSigningKey() }: LedgerFile = {},
): Promise<void> {
  if (entries.length === 0) return;
  const lines = entries.map((entry) =>
    JSON.stringify({
      ...entry,
      keyId: key.keyId,
      signature: sign(null, signedBytes(entry), key.privateKey).toString("base64"),
    }),
  );
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "a", 0o600);
  try {
    await file.write(`${lines.join("\n")}\n`);
    await file.datasync();
  } finally {
    await file.close();
  }
}

/**
 * The ledger's trusted entries, and how many lines were not trusted (malformed, signed by another
 * key, or altered). A missing file is an empty ledger.
 */
export async function readLedger({
  path = ledgerPath(),
  key = auditSigningKey(),
}: LedgerFile = {}): Promise<{ entries: LedgerEntry[]; rejected: number }> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const entries: LedgerEntry[] = [];
  let rejected = 0;
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    const parsed = lineSchema.safeParse(safeJson(raw));
    const line = parsed.success ? parsed.data : undefined;
    const entry = line && {
      orgId: line.orgId,
      customerId: line.customerId,
      seq: line.seq,
      erasedAt: line.erasedAt,
    };
    const trusted =
      line !== undefined &&
      line.keyId === key.keyId &&
      verify(null, signedBytes(entry!), key.publicKey, Buffer.from(line.signature, "base64"));
    if (trusted) entries.push(entry!);
    else rejected += 1;
  }
  return { entries, rejected };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
