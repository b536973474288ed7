import "server-only";
import type { Tx } from "@/db/client";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { decryptField, encryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { AppError } from "@/lib/core/errors";

const place = (orgId: string, eventId: string) => ({
  orgId,
  table: "request_events",
  column: "body_enc",
  rowId: eventId,
});

/**
 * Notes and messages may hold personal data: sealed under the customer's data key, so erasing the
 * customer shreds them too. A request without a customer has no place to keep text.
 */
export async function sealRequestText(
  tx: Tx,
  orgId: string,
  customerId: string | null,
  eventId: string,
  text: string,
): Promise<Buffer> {
  if (!customerId) throw new AppError("conflict", undefined, "noCustomer");
  return encryptField(await dataKeyFor(tx, orgId, customerId), text, place(orgId, eventId));
}

/** The text, or null once the key is gone (an erased customer's messages). */
export async function openRequestText(
  tx: Tx,
  orgId: string,
  eventId: string,
  blob: Buffer,
): Promise<string | null> {
  try {
    return decryptField(await keyForField(tx, orgId, blob), blob, place(orgId, eventId));
  } catch {
    return null;
  }
}
