import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentState } from "@/db/schema";

/**
 * Customers holding a current grant for a purpose: granted, and given since the purpose's last
 * re-consent mark if it has one. These are the customers a new mark would ask again.
 * One index range of consent_state (org, purpose, status); a caller that holds the purpose row
 * FOR UPDATE gets a number no consent write can change before it commits (their foreign-key
 * check waits for that lock).
 */
export async function currentGrantCount(
  tx: Tx,
  orgId: string,
  purpose: { id: string; reconsentSince: Date | null },
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(consentState)
    .where(
      and(
        eq(consentState.orgId, orgId),
        eq(consentState.purposeId, purpose.id),
        eq(consentState.status, "granted"),
        purpose.reconsentSince
          ? gte(consentState.occurredAt, purpose.reconsentSince.toISOString())
          : undefined,
      ),
    );
  return row.n;
}
