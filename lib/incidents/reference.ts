import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

const LOCK_NAMESPACE = 0x494e4344; // "INCD"

/** The next human reference of the year, INC-2026-0007, taken under a per-organisation lock. */
export async function nextIncidentReference(tx: Tx, orgId: string, year: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${orgId}))`);
  const { rows } = await tx.execute<{ n: number }>(sql`
    select coalesce(max(split_part(reference, '-', 3)::int), 0) + 1 as n
    from incidents where org_id = ${orgId} and reference like ${`INC-${year}-%`}`);
  return `INC-${year}-${String(rows[0].n).padStart(4, "0")}`;
}
