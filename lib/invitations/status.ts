/** An invitation's state, derived from its timestamps: only a pending one can be accepted. */
export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}
