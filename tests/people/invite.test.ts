/**
 * Inviting is only an offer (security finding §3.1 of issue 14). Before, an address that already had
 * an account was attached to the inviting organisation at once: the inviter was told the account
 * existed and got its global id, the home organisation's admin could no longer reset the person's
 * second factor, and their sign-ins were written into the inviter's audit chain.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetTwoFactor } from "@/app/(console)/users/[id]/actions";
import { invite } from "@/app/(console)/users/invite/actions";
import { departments, invitations, messageOutbox, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { attemptSignIn } from "@/lib/core/auth/sign-in";
import { actAs, createMember, createOrg, form, TEST_PASSWORD } from "@/tests/factories";
import { auditOf, lastAudit } from "@/tests/audit";
import { membershipOf, snapshot, peopleOrg } from "./helpers";

vi.mock("@/lib/outbox/trigger", () => ({ triggerDelivery: async () => {} }));

let orgId: string;
let ownerId: string;
let adminId: string;
let employeeId: string;

beforeEach(async () => {
  ({ orgId, ownerId, adminId, employeeId } = await peopleOrg());
});

const fieldErrors = (state: Awaited<ReturnType<typeof invite>>) =>
  state.status === "error" ? state.fieldErrors : undefined;
const emailOf = async (userId: string) =>
  (await withoutTenant((tx) => tx.select().from(users).where(eq(users.id, userId))))[0].email;
const invitationsOf = (id: string) =>
  withTenant(id, (tx) => tx.select().from(invitations).where(eq(invitations.orgId, id)));
const messagesOf = (id: string) =>
  withTenant(id, (tx) => tx.select().from(messageOutbox).where(eq(messageOutbox.orgId, id)));

/** A person whose account lives in another organisation, with that organisation's admin. */
async function personElsewhere() {
  const home = await createOrg();
  const homeAdminId = await createMember(home.orgId, "admin");
  const personId = await createMember(home.orgId, "employee");
  return { homeOrgId: home.orgId, homeAdminId, personId, email: await emailOf(personId) };
}

describe("inviting an address that already has an account", () => {
  it("does not attach the account: no membership, nothing about it in the inviting organisation", async () => {
    const { personId, email } = await personElsewhere();
    await actAs(adminId, orgId);
    expect((await invite(idle, form({ email, name: "Someone", role: "admin" }))).status).toBe("ok");
    expect(await membershipOf(orgId, personId)).toBeUndefined();
    const chain = await auditOf(orgId);
    expect(JSON.stringify(chain)).not.toContain(personId);
    expect(JSON.stringify(await invitationsOf(orgId))).not.toContain(personId);
    expect(chain.at(-1)).toMatchObject({
      action: "invitation.created",
      targetType: "invitation",
      details: { role: "admin" },
    });
  });

  it("answers exactly as for an unknown address, with no id, and does the same work", async () => {
    const { personId, email } = await personElsewhere();
    await actAs(adminId, orgId);
    const known = await invite(idle, form({ email, name: "Known", role: "employee" }));
    const unknown = await invite(
      idle,
      form({ email: `nobody-${Date.now()}@test.example`, name: "Unknown", role: "employee" }),
    );
    expect(known).toEqual(unknown);
    expect(known).toEqual({ status: "ok", message: "users.invite.sent" });
    expect(JSON.stringify(known)).not.toContain(personId);

    const shape = ({
      action,
      actorType,
      actorId,
      targetType,
      details,
    }: Awaited<ReturnType<typeof auditOf>>[number]) => ({
      action,
      actorType,
      actorId,
      targetType,
      details,
    });
    const [a, b] = (await auditOf(orgId)).slice(-2).map(shape);
    expect(a).toEqual(b);
    expect(await invitationsOf(orgId)).toHaveLength(2);
    expect((await messagesOf(orgId)).map((m) => m.template)).toEqual(["invitation", "invitation"]);
  });

  it("leaves the home organisation's admin able to reset the person's second factor", async () => {
    const { homeOrgId, homeAdminId, personId, email } = await personElsewhere();
    await actAs(adminId, orgId);
    await invite(idle, form({ email, name: "Someone", role: "employee" }));
    await actAs(homeAdminId, homeOrgId);
    expect(await resetTwoFactor(idle, form({ userId: personId }))).toMatchObject({ status: "ok" });
  });

  it("writes none of the person's sign-ins into the inviting organisation's chain", async () => {
    const { homeOrgId, email } = await personElsewhere();
    await actAs(adminId, orgId);
    await invite(idle, form({ email, name: "Someone", role: "employee" }));
    const [inviting, home] = [(await auditOf(orgId)).length, (await auditOf(homeOrgId)).length];
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, ip: "192.0.2.77" })).toMatchObject(
      { ok: true },
    );
    expect((await auditOf(orgId)).length).toBe(inviting);
    expect((await auditOf(homeOrgId)).length).toBe(home + 1);
  });
});

describe("invite", () => {
  it("writes an invitation and its sealed email, and audits the role only", async () => {
    await actAs(adminId, orgId);
    const state = await invite(
      idle,
      form({
        email: "New.Person@Test.example",
        name: "New Person",
        role: "manager",
        departmentId: "",
      }),
    );
    expect(state).toEqual({ status: "ok", message: "users.invite.sent" });
    const [row] = await invitationsOf(orgId);
    expect(row).toMatchObject({
      email: "new.person@test.example",
      name: "New Person",
      role: "manager",
      invitedBy: adminId,
      acceptedAt: null,
      revokedAt: null,
    });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // No account is made until the person accepts.
    expect(
      await withoutTenant((tx) =>
        tx.select().from(users).where(eq(users.email, "new.person@test.example")),
      ),
    ).toEqual([]);

    const [message] = await messagesOf(orgId);
    expect(message).toMatchObject({
      invitationId: row.id,
      customerId: null,
      channel: "email",
      template: "invitation",
      recipientMasked: "n***@test.example",
      status: "pending",
    });
    expect(message.recipientEnc.includes(Buffer.from("new.person"))).toBe(false);

    const event = await lastAudit(orgId);
    expect(event).toMatchObject({
      action: "invitation.created",
      targetType: "invitation",
      targetId: row.id,
      details: { role: "manager" },
    });
    expect(JSON.stringify(event)).not.toMatch(/new\.person|New Person/i);
  });

  it("lets only an owner invite an owner", async () => {
    await actAs(adminId, orgId);
    const before = await snapshot(orgId, () => invitationsOf(orgId));
    const state = await invite(
      idle,
      form({ email: "would-be-owner@test.example", name: "X", role: "owner" }),
    );
    expect(fieldErrors(state)).toEqual({ role: "errors.ownerOnly" });
    expect(await snapshot(orgId, () => invitationsOf(orgId))).toBe(before);

    await actAs(ownerId, orgId);
    expect(
      (await invite(idle, form({ email: "co-owner@test.example", name: "Co", role: "owner" })))
        .status,
    ).toBe("ok");
  });

  it("refuses a member, an address already invited, a bad email and a department of another organisation", async () => {
    const other = await createOrg();
    const [foreignDept] = await withTenant(other.orgId, (tx) =>
      tx.insert(departments).values({ orgId: other.orgId, name: "Elsewhere" }).returning(),
    );
    await actAs(adminId, orgId);
    expect(
      (await invite(idle, form({ email: "twice@test.example", name: "Once", role: "employee" })))
        .status,
    ).toBe("ok");
    const before = await snapshot(orgId, () =>
      Promise.all([invitationsOf(orgId), messagesOf(orgId)]),
    );
    expect(
      fieldErrors(
        await invite(
          idle,
          form({
            email: (await emailOf(employeeId)).toUpperCase(),
            name: "Again",
            role: "employee",
          }),
        ),
      ),
    ).toEqual({ email: "errors.emailTaken" });
    expect(
      fieldErrors(
        await invite(idle, form({ email: "Twice@test.example", name: "Twice", role: "employee" })),
      ),
    ).toEqual({ email: "errors.alreadyInvited" });
    expect(
      fieldErrors(await invite(idle, form({ email: "not-an-email", name: "X", role: "employee" }))),
    ).toHaveProperty("email", "errors.email");
    expect(
      fieldErrors(
        await invite(
          idle,
          form({
            email: "d@test.example",
            name: "X",
            role: "employee",
            departmentId: foreignDept.id,
          }),
        ),
      ),
    ).toEqual({ departmentId: "errors.choice" });
    expect(
      await snapshot(orgId, () => Promise.all([invitationsOf(orgId), messagesOf(orgId)])),
    ).toBe(before);
  });

  it("is refused to roles without users.invite", async () => {
    const dpo = await createMember(orgId, "privacy_officer");
    await actAs(dpo, orgId);
    const before = await snapshot(orgId, () => invitationsOf(orgId));
    expect(
      await invite(idle, form({ email: "x@test.example", name: "X", role: "employee" })),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await snapshot(orgId, () => invitationsOf(orgId))).toBe(before);
  });
});
