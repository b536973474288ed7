/**
 * Accepting, resending and revoking invitations, driven through the actions as the browser would.
 * The token is read from the emailed link in the outbox, as the invited person reads it.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  acceptInvitationAction,
  acceptNewAccountAction,
  openInvitationAction,
} from "@/app/(auth)/invitations/[org]/actions";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(console)/users/actions";
import { invite } from "@/app/(console)/users/invite/actions";
import { departments, invitations, memberships, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { loadActor } from "@/lib/core/auth/actor";
import { verifyPassword } from "@/lib/core/auth/password";
import { listOutbox } from "@/lib/outbox/queries";
import { INVITATION_LOOKUP_LIMIT } from "@/lib/invitations/accept";
import { uniqueIp } from "@/lib/portal/test-support";
import { currentActor } from "@/tests/setup";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { auditOf, lastAudit } from "@/tests/audit";
import { membershipOf, organizationRow, peopleOrg, snapshot, userRow } from "./helpers";

const jar = new Map<string, string>();
const visitor = { ip: "198.51.100.1" };
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers({ "x-forwarded-for": visitor.ip }),
}));
vi.mock("@/lib/outbox/trigger", () => ({ triggerDelivery: async () => {} }));

let orgId: string;
let slug: string;
let ownerId: string;
let adminId: string;

beforeEach(async () => {
  ({ orgId, ownerId, adminId } = await peopleOrg());
  slug = (await organizationRow(orgId)).slug;
  jar.clear();
  visitor.ip = uniqueIp();
});

const invitationOf = async (email: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.orgId, orgId), eq(invitations.email, email))),
    )
  )[0];

/** The newest invitation link's token, off the demo outbox (as the person's mailbox would show it). */
async function tokenFromOutbox(): Promise<string> {
  const [newest] = await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: true }));
  const link = /(http\S+\/invitations\/\S+)/.exec(newest.body ?? "")?.[1];
  expect(link).toBeDefined();
  const url = new URL(link!);
  expect(url.pathname).toBe(`/invitations/${slug}`);
  return url.hash.slice(1);
}

async function invited(
  email: string,
  role = "employee",
  extra: Record<string, string> = {},
): Promise<string> {
  await actAs(adminId, orgId);
  expect(await invite(idle, form({ email, name: "Invited Person", role, ...extra }))).toMatchObject(
    { status: "ok" },
  );
  currentActor.value = null;
  return tokenFromOutbox();
}

const accept = (token: string, org = slug) => acceptInvitationAction(idle, form({ org, token }));
const newAccount = (token: string, values: Record<string, string>) =>
  acceptNewAccountAction(idle, form({ org: slug, token, ...values }));
const password = "a long passphrase of my own";

describe("an existing account", () => {
  let homeOrgId: string;
  let personId: string;
  let email: string;
  beforeEach(async () => {
    ({ orgId: homeOrgId } = await createOrg());
    personId = await createMember(homeOrgId, "employee");
    email = (await userRow(personId)).email;
  });

  it("is asked to sign in, and joins only when it accepts as itself", async () => {
    const [dept] = await withTenant(orgId, (tx) =>
      tx.insert(departments).values({ orgId, name: "Legal" }).returning(),
    );
    const token = await invited(email, "manager", { departmentId: dept.id });
    expect(await openInvitationAction(slug, token)).toMatchObject({
      status: "ok",
      view: { email, role: "manager", account: "existing", signedIn: null },
    });
    expect(await accept(token)).toMatchObject({
      status: "error",
      message: "errors.unauthenticated",
    });

    await actAs(personId, homeOrgId);
    expect(await openInvitationAction(slug, token)).toMatchObject({
      status: "ok",
      view: { signedIn: "invitee" },
    });
    const before = (await auditOf(homeOrgId)).length;
    expect(await accept(token)).toEqual({ status: "ok" });
    expect(await membershipOf(orgId, personId)).toMatchObject({
      role: "manager",
      departmentId: dept.id,
      deactivatedAt: null,
    });
    expect(jar.get("pd_org")).toBe(orgId);
    const invitation = await invitationOf(email);
    expect(invitation.acceptedAt).not.toBeNull();
    expect(await lastAudit(orgId)).toMatchObject({
      action: "invitation.accepted",
      actorType: "user",
      actorId: personId,
      targetId: invitation.id,
      details: { role: "manager" },
    });
    // The home organisation hears nothing about where its member joined.
    expect((await auditOf(homeOrgId)).length).toBe(before);
    // The invitation's key is destroyed: the emailed link can no longer be read from the outbox.
    expect(
      (await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: true })))[0].body,
    ).toBeNull();

    // Single use.
    expect(await accept(token)).toMatchObject({
      status: "error",
      message: "errors.invitationInvalid",
    });
    expect(await openInvitationAction(slug, token)).toEqual({ status: "invalid" });
  });

  it("cannot be accepted by another signed-in account", async () => {
    const token = await invited(email);
    const stranger = await createMember(homeOrgId, "admin");
    await actAs(stranger, homeOrgId);
    expect(await openInvitationAction(slug, token)).toMatchObject({
      status: "ok",
      view: { signedIn: "other" },
    });
    const before = await snapshot(orgId, () =>
      withTenant(orgId, (tx) => tx.select().from(memberships).where(eq(memberships.orgId, orgId))),
    );
    expect(await accept(token)).toMatchObject({
      status: "error",
      message: "errors.invitationOtherAccount",
    });
    expect(
      await snapshot(orgId, () =>
        withTenant(orgId, (tx) =>
          tx.select().from(memberships).where(eq(memberships.orgId, orgId)),
        ),
      ),
    ).toBe(before);
    expect(await membershipOf(orgId, stranger)).toBeUndefined();
  });
});

describe("a new address", () => {
  it("sets up its own account and joins; a privileged role then enrols a second factor", async () => {
    const email = `fresh-${Date.now()}@test.example`;
    const token = await invited(email, "admin");
    expect(await openInvitationAction(slug, token)).toMatchObject({
      status: "ok",
      view: { email, name: "Invited Person", account: "new", signedIn: null },
    });

    const refused = await newAccount(token, {
      name: "Fresh",
      password,
      confirmPassword: "something else entirely",
    });
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { confirmPassword: "errors.passwordMismatch" },
    });
    expect(
      await withoutTenant((tx) => tx.select().from(users).where(eq(users.email, email))),
    ).toEqual([]);

    expect(
      await newAccount(token, { name: "Fresh Person", password, confirmPassword: password }),
    ).toEqual({ status: "ok", data: { email } });
    const [user] = await withoutTenant((tx) =>
      tx.select().from(users).where(eq(users.email, email)),
    );
    expect(user).toMatchObject({
      name: "Fresh Person",
      mustChangePassword: false,
      totpEnabledAt: null,
    });
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    expect(await membershipOf(orgId, user.id)).toMatchObject({ role: "admin" });
    expect((await loadActor(user.id, user.sessionVersion, orgId))?.pending).toBe("mfa_enrolment");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "invitation.accepted",
      actorId: user.id,
      details: { role: "admin" },
    });
    expect(JSON.stringify(await lastAudit(orgId))).not.toContain(email);

    expect(
      await newAccount(token, { name: "Again", password, confirmPassword: password }),
    ).toMatchObject({ status: "error", message: "errors.invitationInvalid" });
  });
});

describe("links that do not open", () => {
  it("answers one neutral way for a made-up, malformed, expired or foreign token", async () => {
    const token = await invited(`late-${Date.now()}@test.example`);
    const other = await createOrg();
    const otherSlug = (await organizationRow(other.orgId)).slug;
    expect(await openInvitationAction(slug, "A".repeat(43))).toEqual({ status: "invalid" });
    expect(await openInvitationAction(slug, "not a token")).toEqual({ status: "invalid" });
    expect(await openInvitationAction(otherSlug, token)).toEqual({ status: "invalid" });
    expect(await openInvitationAction("no-such-org", token)).toEqual({ status: "invalid" });

    await withTenant(orgId, (tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.orgId, orgId)),
    );
    expect(await openInvitationAction(slug, token)).toEqual({ status: "invalid" });
    expect(
      await newAccount(token, { name: "Late", password, confirmPassword: password }),
    ).toMatchObject({ status: "error", message: "errors.invitationInvalid" });
  });
});

describe("the invitation page's rate limit", () => {
  it("refuses an address that used it too often, even with a valid link, while another address goes on", async () => {
    const email = `busy-${Date.now()}@test.example`;
    const token = await invited(email);
    for (let i = 0; i < INVITATION_LOOKUP_LIMIT.hits; i++)
      expect(await openInvitationAction(slug, "A".repeat(43))).toEqual({ status: "invalid" });
    expect(await openInvitationAction(slug, token)).toEqual({ status: "rateLimited" });
    expect(
      await newAccount(token, { name: "Busy", password, confirmPassword: password }),
    ).toMatchObject({ status: "error", message: "errors.rateLimited" });
    expect((await invitationOf(email)).acceptedAt).toBeNull();

    visitor.ip = uniqueIp();
    expect(await openInvitationAction(slug, token)).toMatchObject({ status: "ok" });
  });
});

describe("resend and revoke", () => {
  it("resend replaces the link: the earlier one stops working", async () => {
    const email = `resend-${Date.now()}@test.example`;
    const first = await invited(email);
    const { id } = await invitationOf(email);
    await actAs(adminId, orgId);
    expect(await resendInvitationAction(idle, form({ invitationId: id }))).toEqual({
      status: "ok",
      message: "users.invitations.resent",
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "invitation.resent",
      targetId: id,
      details: { role: "employee" },
    });
    const second = await tokenFromOutbox();
    expect(second).not.toBe(first);
    currentActor.value = null;
    expect(await openInvitationAction(slug, first)).toEqual({ status: "invalid" });
    expect(await openInvitationAction(slug, second)).toMatchObject({ status: "ok" });
  });

  it("revoke closes the link and shreds its emails; an admin cannot touch an owner's invitation", async () => {
    const email = `revoke-${Date.now()}@test.example`;
    const token = await invited(email);
    const { id } = await invitationOf(email);
    await actAs(adminId, orgId);
    expect(await revokeInvitationAction(idle, form({ invitationId: id }))).toEqual({
      status: "ok",
      message: "users.invitations.revoked",
    });
    expect(await lastAudit(orgId)).toMatchObject({ action: "invitation.revoked", targetId: id });
    expect(
      (await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: true })))[0].body,
    ).toBeNull();
    expect(await openInvitationAction(slug, token)).toEqual({ status: "invalid" });
    expect(await revokeInvitationAction(idle, form({ invitationId: id }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });

    await actAs(ownerId, orgId);
    await invite(
      idle,
      form({ email: `owner-${Date.now()}@test.example`, name: "Co-owner", role: "owner" }),
    );
    const [ownerInvitation] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.orgId, orgId), eq(invitations.role, "owner"))),
    );
    await actAs(adminId, orgId);
    expect(
      await revokeInvitationAction(idle, form({ invitationId: ownerInvitation.id })),
    ).toMatchObject({ status: "error", fieldErrors: { _form: "errors.ownerOnly" } });
  });

  it("finds no invitation of another organisation", async () => {
    const other = await peopleOrg();
    await actAs(other.adminId, other.orgId);
    await invite(
      idle,
      form({ email: `theirs-${Date.now()}@test.example`, name: "Theirs", role: "employee" }),
    );
    const [theirs] = await withTenant(other.orgId, (tx) =>
      tx.select().from(invitations).where(eq(invitations.orgId, other.orgId)),
    );
    await actAs(adminId, orgId);
    expect(await revokeInvitationAction(idle, form({ invitationId: theirs.id }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await resendInvitationAction(idle, form({ invitationId: theirs.id }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
  });
});
