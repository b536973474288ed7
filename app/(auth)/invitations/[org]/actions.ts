"use server";

import { cookies, headers } from "next/headers";
import type { ActionState } from "@/lib/core/actions/state";
import { getSignedInUser, ORG_COOKIE } from "@/lib/core/auth/actor";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { clientIp } from "@/lib/core/auth/client-ip";
import { env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { fieldErrors } from "@/lib/core/validation/issue-message";
import {
  acceptAsSignedIn,
  acceptWithNewAccount,
  allowInvitationLookup,
  viewInvitation,
} from "@/lib/invitations/accept";
import { acceptNewAccountSchema, acceptSchema } from "@/lib/invitations/schemas";
import { organizationBySlug } from "@/lib/organizations/queries";
import { log } from "@/lib/core/log/logger";

/*
 * The invitation page's actions are public: the token (256 random bits, stored only hashed,
 * single-use, expiring) is the capability, and it arrives in the POST body only — the page reads it
 * from the URL fragment. An unknown, used, revoked or expired token gets one neutral answer. An
 * existing account must be signed in as itself to accept. Every use is rate-limited per client
 * address. tests/authorization.test.ts lists them.
 */

const withinLimit = async () =>
  allowInvitationLookup(clientIp(await headers(), env().TRUSTED_PROXY_HOPS));

export type InvitationResult =
  | {
      status: "ok";
      view: Omit<Awaited<ReturnType<typeof viewInvitation>> & object, "expiresAt"> & {
        expiresAt: string;
      };
    }
  | { status: "invalid" }
  | { status: "rateLimited" }
  | { status: "failed" };

/** The invitation a link opens, as its holder may see it. */
export async function openInvitationAction(slug: string, token: string): Promise<InvitationResult> {
  try {
    if (!(await withinLimit())) return { status: "rateLimited" };
    const org = await organizationBySlug(String(slug));
    if (!org || !acceptSchema.safeParse({ token }).success) return { status: "invalid" };
    const view = await viewInvitation(org.id, token, (await getSignedInUser())?.userId ?? null);
    return view
      ? { status: "ok", view: { ...view, expiresAt: view.expiresAt.toISOString() } }
      : { status: "invalid" };
  } catch (error) {
    log.error({ err: error }, "opening an invitation failed");
    return { status: "failed" };
  }
}

/** The new member lands in the organisation they joined. */
async function enter(orgId: string): Promise<void> {
  (await cookies()).set(ORG_COOKIE, orgId, {
    path: "/",
    maxAge: 31_536_000,
    sameSite: "lax",
    secure: useSecureCookies,
  });
}

async function failure(error: unknown, values?: Record<string, string>): Promise<ActionState> {
  const t = await translator("errors");
  if (error instanceof AppError)
    return { status: "error", message: t(error.messageKey ?? error.code), values };
  log.error({ err: error }, "accepting an invitation failed");
  return { status: "error", message: t("internal"), values };
}

/** An existing account, signed in as itself, accepts. */
export async function acceptInvitationAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await translator("errors");
  const user = await getSignedInUser();
  if (!user) return { status: "error", message: t("unauthenticated") };
  if (!(await withinLimit())) return { status: "error", message: t("rateLimited") };
  const org = await organizationBySlug(String(formData.get("org") ?? ""));
  const parsed = acceptSchema.safeParse({ token: formData.get("token") });
  if (!org || !parsed.success) return { status: "error", message: t("invitationInvalid") };
  try {
    await acceptAsSignedIn(org.id, parsed.data.token, user.userId);
  } catch (error) {
    return failure(error);
  }
  await enter(org.id);
  return { status: "ok" };
}

/** A new address sets up its account and joins; the page then signs it in with the password just chosen. */
export async function acceptNewAccountAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await translator("errors");
  const values = { name: String(formData.get("name") ?? "") };
  if (!(await withinLimit())) return { status: "error", message: t("rateLimited"), values };
  const org = await organizationBySlug(String(formData.get("org") ?? ""));
  if (!org) return { status: "error", message: t("invitationInvalid") };
  const parsed = acceptNewAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      status: "error",
      message: t("checkFields"),
      fieldErrors: fieldErrors(parsed.error, t),
      values,
    };
  let email: string;
  try {
    ({ email } = await acceptWithNewAccount(org.id, parsed.data));
  } catch (error) {
    return failure(error, values);
  }
  await enter(org.id);
  return { status: "ok", data: { email } };
}
