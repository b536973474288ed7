import "server-only";
import type { FieldContext } from "@/lib/core/crypto/field";

export const sealedColumns = { recipient: "recipient_enc", subject: "subject_enc", body: "body_enc" } as const;

/** Where a message's sealed value lives: each column's ciphertext opens only in its own row. */
export const messageContext = (orgId: string, messageId: string, part: keyof typeof sealedColumns): FieldContext => ({
  orgId, table: "message_outbox", column: sealedColumns[part], rowId: messageId,
});

/** The data subject whose key seals a message: its customer, or the invitation it carries. */
export const sealingSubject = (row: { customerId: string | null; invitationId: string | null }): string => (row.customerId ?? row.invitationId)!;
