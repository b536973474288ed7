import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { purposes } from "@/db/schema";

/**
 * Active purposes on a PIPL consent basis that touch sensitive information, and how many of them
 * ask with separate consent (PIPL Art. 29).
 */
export async function sensitiveConsentPurposes(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({
      sensitive: sql<number>`count(*)`.mapWith(Number),
      separate: sql<number>`count(*) filter (where ${purposes.consentKind} = 'separate')`.mapWith(
        Number,
      ),
    })
    .from(purposes)
    .where(
      and(
        eq(purposes.orgId, orgId),
        isNull(purposes.archivedAt),
        eq(purposes.sensitive, true),
        sql`${purposes.bases}->>'PIPL' = 'consent'`,
      ),
    );
  return row;
}
