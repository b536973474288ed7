/**
 * The preference center's public server actions, driven as the browser would (cookies and headers
 * mocked). They live in app/; this test proves the refusals tests/authorization.test.ts relies on.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { consentEvents, organizations } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { newPurpose } from "@/lib/consent/test-support";
import { outcomeOf } from "@/tests/action-outcome";
import { auditOf } from "@/tests/audit";
import { createOrg, form } from "@/tests/factories";
import { PORTAL_LIMITS } from "./limits";
import { codeSentTo, customerWithContacts, messagesOf, uniqueIp } from "./test-support";

const jar = new Map<string, string>();
const request = { ip: "198.51.100.1" };
const triggered: string[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) =>
      void jar.delete(typeof options === "string" ? options : options.name),
  }),
  headers: async () =>
    new Headers({ "x-forwarded-for": request.ip, "user-agent": "Mozilla/5.0 test" }),
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "zh-CN" }));
vi.mock("@/lib/outbox/trigger", () => ({
  triggerDelivery: async (orgId: string) => void triggered.push(orgId),
}));

const actions = {
  ...(await import("@/app/(portal)/p/[org]/identity/actions")),
  ...(await import("@/app/(portal)/p/[org]/preferences/actions")),
};
const idle = { status: "idle" } as const;

let orgId: string;
let slug: string;
/** Runs an action; a redirect is returned as its URL. */
async function submit(
  action: (typeof actions)[keyof typeof actions],
  values: Record<string, string>,
) {
  return outcomeOf(action(idle, form({ org: slug, purpose: "preferences", ...values })));
}
const receiptsCount = async () =>
  (
    await withTenant(orgId, (tx) =>
      tx.select().from(consentEvents).where(eq(consentEvents.orgId, orgId)),
    )
  ).length;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [{ slug }] = await withoutTenant((tx) =>
    tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId)),
  );
});
beforeEach(() => {
  jar.clear();
  request.ip = uniqueIp();
});

describe("preference center actions", () => {
  it("answers a known and an unknown number the same way, after the same time; only the known one gets a message", async () => {
    const customer = await customerWithContacts(orgId);
    const answers = [];
    for (const contact of [customer.phone.slice(3), "13700000001"]) {
      jar.clear();
      const before = (await messagesOf(orgId)).length;
      const started = Date.now();
      answers.push({
        result: await submit(actions.requestCodeAction, { channel: "sms", contact }),
        cookies: [...jar.keys()],
        messages: (await messagesOf(orgId)).length - before,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(690);
    }
    expect(answers[0].result).toEqual({ redirect: `/p/${slug}/preferences` });
    expect(answers[1].result).toEqual(answers[0].result);
    expect(answers[1].cookies).toEqual(answers[0].cookies);
    expect(answers.map((a) => a.messages)).toEqual([1, 0]);
    expect(triggered.filter((id) => id === orgId)).toHaveLength(2);
  });

  it("refuses a malformed number next to the field, writing nothing", async () => {
    expect(
      await submit(actions.requestCodeAction, { channel: "sms", contact: "12345" }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { contact: "portal.identity.request.badPhone" },
    });
    expect(jar.size).toBe(0);
  });

  it("verifies the code into a session, and only a session may change a choice", async () => {
    const customer = await customerWithContacts(orgId);
    const purpose = await newPurpose(orgId, { code: `marketing_${Date.now().toString(36)}` });
    const before = await receiptsCount();
    expect(
      await submit(actions.changePreferenceAction, { purposeId: purpose.id, choice: "refuse" }),
    ).toEqual({ status: "error", message: "portal.preferences.center.sessionExpired" });
    expect(await receiptsCount()).toBe(before);

    await submit(actions.requestCodeAction, { channel: "email", contact: customer.email });
    const code = (await codeSentTo(orgId, customer.id))!;
    expect(
      await submit(actions.verifyCodeAction, { code: code === "000000" ? "000001" : "000000" }),
    ).toMatchObject({ status: "error", message: "portal.identity.verify.wrong" });
    expect(await submit(actions.verifyCodeAction, { code })).toEqual({
      redirect: `/p/${slug}/preferences`,
    });
    const session = [...jar.entries()].find(([name]) => name.endsWith("pd_portal_preferences"));
    expect(session?.[1]).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(session?.[1]).not.toContain(customer.email);

    expect(
      await submit(actions.changePreferenceAction, { purposeId: purpose.id, choice: "grant" }),
    ).toMatchObject({ status: "ok", message: "portal.preferences.center.saved" });
    expect(await receiptsCount()).toBe(before + 1);

    // Another organisation's page does not accept this organisation's session.
    const { orgId: otherOrg } = await createOrg();
    const [{ slug: otherSlug }] = await withoutTenant((tx) =>
      tx
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(eq(organizations.id, otherOrg)),
    );
    expect(
      await actions.changePreferenceAction(
        idle,
        form({ org: otherSlug, purposeId: purpose.id, choice: "refuse" }),
      ),
    ).toEqual({ status: "error", message: "portal.preferences.center.sessionExpired" });

    await submit(actions.signOutAction, {});
    expect(
      await submit(actions.changePreferenceAction, { purposeId: purpose.id, choice: "refuse" }),
    ).toEqual({ status: "error", message: "portal.preferences.center.sessionExpired" });
    expect(await receiptsCount()).toBe(before + 1);
  });

  it("throttles code checks per address: past the limit an address is refused before anything is read or counted", async () => {
    const { hits } = PORTAL_LIMITS.verify;
    for (let i = 0; i < hits; i++)
      expect(await submit(actions.verifyCodeAction, { code: "123456" })).toEqual({
        status: "error",
        message: "portal.identity.verify.expired",
      });
    const audited = (await auditOf(orgId)).length;
    expect(await submit(actions.verifyCodeAction, { code: "123456" })).toMatchObject({
      status: "error",
      message: "portal.identity.verify.rateLimited",
    });
    request.ip = uniqueIp();
    expect(await submit(actions.verifyCodeAction, { code: "123456" })).toEqual({
      status: "error",
      message: "portal.identity.verify.expired",
    });
    expect((await auditOf(orgId)).length).toBe(audited);
  });
});
