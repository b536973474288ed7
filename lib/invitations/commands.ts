import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { invitations } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { destroyDataKey } from "@/lib/core/crypto/data-keys";
import { AppError } from "@/lib/core/errors";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { isMemberEmail } from "@/lib/users/queries";
import { assertMayGrant } from "@/lib/users/rules";
import { findOpenInvitation, openInvitationFor } from "./queries";
import type { InviteInput } from "./schemas";
import { emailInvitation, freshInvitationLink } from "./send";

/**
 * Invites an address into the current organisation: an invitation row and its email, nothing
 * else. No account is looked up, so the answer, the work and the audit event are the same whether
 * the address has a Privacy Desk account or not; the person joins only by accepting. An address
 * that is already a member here, or already has an open invitation here, is refused: both are
 * this organisation's own records.
 */
export async function createInvitation(ctx: ActionContext, input: InviteInput): Promise<void> {
  assertMayGrant(ctx.user, input.role);
  if (input.departmentId)
    await assertDepartmentExists(ctx.tx, ctx.orgId, input.departmentId, "departmentId");
  if (await isMemberEmail(ctx.tx, ctx.orgId, input.email))
    throw new AppError("conflict", { email: "emailTaken" });
  if (await openInvitationFor(ctx.tx, ctx.orgId, input.email))
    throw new AppError("conflict", { email: "alreadyInvited" });
  const invitation = {
    id: randomUUID(),
    email: input.email,
    role: input.role,
    invitedBy: ctx.user.userId,
  };
  const link = freshInvitationLink();
  await ctx.tx.insert(invitations).values({
    orgId: ctx.orgId,
    ...invitation,
    name: input.name,
    departmentId: input.departmentId,
    tokenHash: link.tokenHash,
    expiresAt: link.expiresAt,
  });
  await emailInvitation(ctx.tx, ctx.orgId, invitation, link);
  await ctx.audit({
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation.id,
    details: { role: input.role },
  });
}

/** A new link for a pending or expired invitation: the earlier link stops working. */
export async function resendInvitation(
  ctx: ActionContext,
  input: { invitationId: string },
): Promise<void> {
  const invitation = await findOpenInvitation(ctx.tx, ctx.orgId, input.invitationId);
  assertMayGrant(ctx.user, invitation.role, "_form");
  const link = freshInvitationLink();
  await ctx.tx
    .update(invitations)
    .set({ tokenHash: link.tokenHash, expiresAt: link.expiresAt, updatedAt: sql`now()` })
    .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitation.id)));
  await emailInvitation(ctx.tx, ctx.orgId, invitation, link);
  await ctx.audit({
    action: "invitation.resent",
    targetType: "invitation",
    targetId: invitation.id,
    details: { role: invitation.role },
  });
}

/**
 * Withdraws an invitation: its link stops working, and its key is destroyed, so the emails that
 * carried the link (and the address they went to) can no longer be read from the outbox.
 */
export async function revokeInvitation(
  ctx: ActionContext,
  input: { invitationId: string },
): Promise<void> {
  const invitation = await findOpenInvitation(ctx.tx, ctx.orgId, input.invitationId);
  assertMayGrant(ctx.user, invitation.role, "_form");
  await ctx.tx
    .update(invitations)
    .set({ revokedAt: new Date(), updatedAt: sql`now()` })
    .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitation.id)));
  await destroyDataKey(ctx.tx, ctx.orgId, invitation.id);
  await ctx.audit({
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: invitation.id,
    details: { role: invitation.role },
  });
}
