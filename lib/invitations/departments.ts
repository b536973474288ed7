import "server-only";
import { and, count, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations } from "@/db/schema";

const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** Open invitations (pending or expired, which a resend revives) that would place someone in the department. */
export async function countOpenInvitationsInto(
  tx: Tx,
  orgId: string,
  departmentId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.departmentId, departmentId), open));
  return row.n;
}

/** Before a department goes: closed invitations (accepted or revoked) stay as history without it. */
export async function forgetDepartmentOfClosedInvitations(
  tx: Tx,
  orgId: string,
  departmentId: string,
): Promise<void> {
  await tx
    .update(invitations)
    .set({ departmentId: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.departmentId, departmentId),
        or(isNotNull(invitations.acceptedAt), isNotNull(invitations.revokedAt)),
      ),
    );
}
