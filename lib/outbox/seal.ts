import "server-only";
import type { FieldContext } from "@/lib/core/crypto/field";

export const sealedColumns = {
  recipient: "recipient_enc",
  subject: "subject_enc",
  body: "body_enc",
} as const;

/** Where a message's sealed value lives: each column's ciphertext opens only in its own row. */
export const messageContext = (
  orgId: string,
  messageId: string,
  part: keyof typeof sealedColumns,
): FieldContext => ({
  orgId,
  table: "message_outbox",
  column: sealedColumns[part],
  rowId: messageId,
});

/** The data subject whose key seals a message: its customer, the invitation it carries, or the member of staff it tells. */
export const sealingSubject = (row: {
  customerId: string | null;
  invitationId: string | null;
  userId: string | null;
}): string => (row.customerId ?? row.invitationId ?? row.userId)!;
