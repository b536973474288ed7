import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { appendToLedger, ledgerPath, readLedger, type LedgerEntry } from "./erasure-ledger";

/** Per ledger file: the last `customer.erased` sequence number it holds, per organisation. */
const written = new Map<string, Map<string, number>>();

async function writtenUpTo(path: string): Promise<Map<string, number>> {
  let upTo = written.get(path);
  if (!upTo) {
    upTo = new Map();
    for (const entry of (await readLedger({ path })).entries)
      upTo.set(entry.orgId, Math.max(upTo.get(entry.orgId) ?? 0, entry.seq));
    written.set(path, upTo);
  }
  return upTo;
}

/**
 * Copies every `customer.erased` event not yet in the ledger into it (ids only), organisation by
 * organisation. Returns how many entries it appended. A line written twice (two workers, or a
 * restart before the cache was filled) is harmless: replay skips customers already erased.
 */
export async function syncErasureLedger(path = ledgerPath()): Promise<number> {
  const upTo = await writtenUpTo(path);
  const entries: LedgerEntry[] = [];
  await forEachOrganization(jobActor("erasure-ledger"), async ({ tx, orgId }) => {
    const rows = await tx
      .select({
        seq: auditEvents.seq,
        customerId: auditEvents.targetId,
        erasedAt: auditEvents.occurredAt,
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, orgId),
          eq(auditEvents.action, "customer.erased"),
          gt(auditEvents.seq, upTo.get(orgId) ?? 0),
        ),
      )
      .orderBy(asc(auditEvents.seq));
    for (const row of rows)
      if (row.customerId)
        entries.push({ orgId, customerId: row.customerId, seq: row.seq, erasedAt: row.erasedAt });
  });
  await appendToLedger(entries, { path });
  for (const entry of entries)
    upTo.set(entry.orgId, Math.max(upTo.get(entry.orgId) ?? 0, entry.seq));
  return entries.length;
}

/** Every minute: an erasure reaches the ledger within a minute of its commit. */
export const erasureLedgerJob = defineJob({
  name: "erasure-ledger",
  cron: "* * * * *",
  unaudited: {
    reason:
      "copies customer.erased events (ids only) from the audit chain into the ledger file; it changes nothing in the database",
  },
  run: async () => {
    await syncErasureLedger();
  },
});
