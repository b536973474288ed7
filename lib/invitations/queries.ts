import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, invitations, type Role } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { invitationStatus, type InvitationStatus } from "./status";

export interface OpenInvitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentName: string | null;
  status: Extract<InvitationStatus, "pending" | "expired">;
  expiresAt: Date;
  createdAt: Date;
}

/** Invitations not yet accepted or revoked (pending or expired), newest first: what the users page offers to resend or revoke. */
export async function listOpenInvitations(
  tx: Tx,
  orgId: string,
  now = new Date(),
): Promise<OpenInvitation[]> {
  const rows = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      departmentName: departments.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(
      departments,
      and(eq(departments.orgId, invitations.orgId), eq(departments.id, invitations.departmentId)),
    )
    .where(
      and(
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map(({ acceptedAt, revokedAt, ...r }) => ({
    ...r,
    status: invitationStatus(
      { acceptedAt, revokedAt, expiresAt: r.expiresAt },
      now,
    ) as OpenInvitation["status"],
  }));
}

/** An open invitation of this organisation, locked for the rest of the transaction; anything else is "not found". */
export async function findOpenInvitation(tx: Tx, orgId: string, invitationId: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

/** The open invitation to this address, if any (one at most: a partial unique index). */
export async function openInvitationFor(tx: Tx, orgId: string, email: string) {
  const [row] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return row;
}
