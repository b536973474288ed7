import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, organizations, type Role } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { hashCapabilityToken, plausibleCapabilityToken } from "@/lib/core/crypto/capability-token";
import { destroyDataKey } from "@/lib/core/crypto/data-keys";
import { AppError } from "@/lib/core/errors";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { actingUser, tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { createUser, grantMembership } from "@/lib/users/commands";
import { accountByEmail, hasMembership } from "@/lib/users/queries";
import type { AcceptNewAccountInput } from "./schemas";
import { INVITATION_TOKEN_PURPOSE } from "./send";
import { invitationStatus } from "./status";

/**
 * What the holder of a valid link sees. Only they learn whether the address already has an
 * account (the email went to that address): a new address sets up its account, an existing one
 * signs in as itself and accepts.
 */
export interface InvitationView {
  organization: { nameZh: string; nameEn: string; timeZone: string };
  email: string;
  name: string;
  role: Role;
  expiresAt: Date;
  account: "new" | "existing";
  /** Who is signed in in this browser: the invited account, someone else, or nobody. */
  signedIn: "invitee" | "other" | null;
}

/**
 * Invitation-link uses per client address (open, accept, set up an account): plenty for a person
 * with a link, far too few to guess 256 bits, and an account setup's password hashing is bounded.
 */
export const INVITATION_LOOKUP_LIMIT = { hits: 30, windowSeconds: 600 };

/** Counted in its own transaction, so a refused attempt still counts. */
export async function allowInvitationLookup(ip: string): Promise<boolean> {
  return withoutTenant((tx) =>
    allowHit(
      tx,
      rateLimitKey("invitation-ip", ip),
      INVITATION_LOOKUP_LIMIT.hits,
      INVITATION_LOOKUP_LIMIT.windowSeconds,
    ),
  );
}

/** The pending invitation the token opens, locked when asked; null for any other token (one neutral answer). */
async function pendingByToken(tx: Tx, orgId: string, token: string, lock = false) {
  if (!plausibleCapabilityToken(token)) return null;
  const query = tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.tokenHash, hashCapabilityToken(INVITATION_TOKEN_PURPOSE, token)),
      ),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row && invitationStatus(row) === "pending" ? row : null;
}

export async function viewInvitation(
  orgId: string,
  token: string,
  signedInUserId: string | null,
): Promise<InvitationView | null> {
  return withTenant(orgId, async (tx) => {
    const invitation = await pendingByToken(tx, orgId, token);
    if (!invitation) return null;
    const [org] = await tx
      .select({
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        timeZone: organizations.timeZone,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    const account = await accountByEmail(tx, invitation.email);
    return {
      organization: org,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      account: account ? "existing" : "new",
      signedIn:
        signedInUserId === null ? null : account?.id === signedInUserId ? "invitee" : "other",
    };
  });
}

/**
 * The one way into an organisation: the membership, the invitation closed, its key destroyed
 * (the emails with the link become unreadable) and `invitation.accepted` in this organisation's
 * chain, as the person, in one transaction. Only from here on does the organisation see them.
 */
async function join(
  ctx: TenantContext,
  invitation: typeof invitations.$inferSelect,
): Promise<void> {
  const { tx, orgId } = ctx;
  const userId = actingUser(ctx);
  if (await hasMembership(tx, orgId, userId))
    throw new AppError("conflict", undefined, "invitationAlreadyMember");
  await grantMembership(tx, orgId, userId, invitation.role, invitation.departmentId);
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), updatedAt: sql`now()` })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, invitation.id)));
  await destroyDataKey(tx, orgId, invitation.id);
  await ctx.audit({
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    details: { role: invitation.role },
  });
}

const invalid = () => new AppError("notFound", undefined, "invitationInvalid");

/** A signed-in account accepts an invitation addressed to its own email; anyone else is refused. */
export async function acceptAsSignedIn(
  orgId: string,
  token: string,
  userId: string,
): Promise<void> {
  await withTenant(
    orgId,
    async (tx) => {
      const invitation = await pendingByToken(tx, orgId, token, true);
      if (!invitation) throw invalid();
      const account = await accountByEmail(tx, invitation.email);
      if (account?.id !== userId)
        throw new AppError("forbidden", undefined, "invitationOtherAccount");
      await join(tenantContext(tx, orgId, { type: "user", id: userId }), invitation);
    },
    userId,
  );
}

/**
 * A new address accepts by creating its account with its own name and password (no temporary
 * password: the link proved the address). Sign-in, and a second factor where the role requires
 * one, follow as for anyone. An address that has an account by now signs in instead.
 */
export async function acceptWithNewAccount(
  orgId: string,
  input: AcceptNewAccountInput,
): Promise<{ email: string }> {
  return withTenant(orgId, async (tx) => {
    const invitation = await pendingByToken(tx, orgId, input.token, true);
    if (!invitation) throw invalid();
    if (await accountByEmail(tx, invitation.email))
      throw new AppError("conflict", undefined, "invitationAccountExists");
    const userId = await createUser(tx, {
      email: invitation.email,
      name: input.name,
      password: input.password,
      mustChangePassword: false,
    });
    await join(tenantContext(tx, orgId, { type: "user", id: userId }), invitation);
    return { email: invitation.email };
  });
}
