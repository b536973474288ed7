import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { purposes } from "@/db/schema";

/**
 * Active purposes sending data abroad without a transfer mechanism (PIPL Art. 38): those saved
 * before the field existed keep none until edited, and every save now asks for one. Listed on the
 * purposes page and counted on the overview, so none waits unseen.
 */
export async function purposesLackingMechanism(
  tx: Tx,
  orgId: string,
): Promise<Array<{ id: string; code: string }>> {
  return tx
    .select({ id: purposes.id, code: purposes.code })
    .from(purposes)
    .where(
      and(
        eq(purposes.orgId, orgId),
        isNull(purposes.archivedAt),
        isNotNull(purposes.crossBorderDestination),
        isNull(purposes.transferMechanism),
      ),
    )
    .orderBy(asc(purposes.code));
}
