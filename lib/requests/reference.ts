import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

const LOCK_NAMESPACE = 0x44535252; // "DSRR"

/** The next human reference of the year, R-2026-000123, taken under a per-organisation lock. */
export async function nextReference(tx: Tx, orgId: string, receivedOn: string): Promise<string> {
  const year = receivedOn.slice(0, 4);
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${orgId}))`);
  const { rows } = await tx.execute<{ n: number }>(sql`
    select coalesce(max(split_part(reference, '-', 3)::int), 0) + 1 as n
    from data_subject_requests where org_id = ${orgId} and reference like ${`R-${year}-%`}`);
  return `R-${year}-${String(rows[0].n).padStart(6, "0")}`;
}
