import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, users, type Role } from "@/db/schema";
import { formatInstant } from "@/lib/core/i18n/format-date";
import { newCapabilityToken } from "@/lib/core/crypto/capability-token";
import { capabilityLink } from "@/lib/core/capability-link";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { enqueueInvitationMessage } from "@/lib/outbox/enqueue";
import enCommon from "@/messages/en/common.json";
import zhCommon from "@/messages/zh-CN/common.json";

/** How long a link stays valid; resending issues a new link with a new period. */
export const INVITATION_VALID_DAYS = 7;
export const INVITATION_TOKEN_PURPOSE = "invitation";

const roleNames = { "zh-CN": zhCommon.roles, en: enCommon.roles } as const;

/** The link in the email (see capabilityLink: the token stays in the fragment). */
export function invitationLink(orgSlug: string, token: string): string {
  return capabilityLink(`/invitations/${encodeURIComponent(orgSlug)}`, token);
}

export interface InvitationLink {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/** A new link's token (only its hash is stored) and expiry: a resend replaces both, so an earlier link stops working. */
export function freshInvitationLink(now = new Date()): InvitationLink {
  const { token, hash } = newCapabilityToken(INVITATION_TOKEN_PURPOSE);
  return {
    token,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000),
  };
}

/** Writes the invitation's email to the outbox, in the organisation's language, in the caller's transaction. */
export async function emailInvitation(
  tx: Tx,
  orgId: string,
  invitation: { id: string; email: string; role: Role; invitedBy: string },
  link: InvitationLink,
): Promise<void> {
  const [org] = await tx
    .select({
      slug: organizations.slug,
      locale: organizations.locale,
      timeZone: organizations.timeZone,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const [inviter] = await tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, invitation.invitedBy));
  const locale = asAppLocale(org.locale);
  await enqueueInvitationMessage(tx, orgId, {
    invitationId: invitation.id,
    email: invitation.email,
    locale,
    params: {
      inviter: inviter.name,
      role: roleNames[locale][invitation.role],
      expiresOn: formatInstant(link.expiresAt, locale, org.timeZone, "date"),
      link: invitationLink(org.slug, link.token),
    },
  });
}
