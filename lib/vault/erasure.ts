import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { paymentAccounts } from "@/db/schema";

/**
 * A customer's share of erasure in the vault. Payment accounts exist only to pay: their (already
 * shredded) identifiers and masks go. Vouchers, listings and orders stay as the business's records,
 * pointing at the pseudonymous erased customer. Returns how many accounts were deleted.
 */
export async function eraseVaultRecordsOf(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<number> {
  const deleted = await tx
    .delete(paymentAccounts)
    .where(and(eq(paymentAccounts.orgId, orgId), eq(paymentAccounts.customerId, customerId)))
    .returning({ id: paymentAccounts.id });
  return deleted.length;
}
