import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portalChallenges } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { CONTACT_LIMIT, MAX_ATTEMPTS, requestCode } from "./challenge";
import { auditOfTarget } from "@/tests/audit";
import {
  challenge,
  codeSentTo,
  verify,
  customerWithContacts,
  messagesOf,
  uniqueIp,
} from "./test-support";

let orgId: string;
let customer: Awaited<ReturnType<typeof customerWithContacts>>;
const ask = (contact: string, channel: "sms" | "email" = "sms", ip = uniqueIp()) =>
  withTenant(orgId, (tx) =>
    requestCode({ tx, orgId }, { channel, contact, purpose: "preferences", locale: "zh-CN", ip }),
  );
const sentId = (result: Awaited<ReturnType<typeof ask>>) => {
  if (result.status !== "sent") throw new Error("expected a challenge");
  return result.challengeId;
};

beforeAll(async () => {
  ({ orgId } = await createOrg());
  customer = await customerWithContacts(orgId);
});

describe("requesting a code", () => {
  it("finds the customer however the number is written, stores the code as an HMAC, and writes one sealed message", async () => {
    const local = customer.phone.slice(3).replace(/(\d{3})(\d{4})(\d{4})/, "$1 $2 $3");
    const id = sentId(await ask(local));
    const row = await challenge(orgId, id);
    const code = await codeSentTo(orgId, customer.id);
    expect(code).toMatch(/^\d{6}$/);
    expect(row).toMatchObject({
      customerId: customer.id,
      purpose: "preferences",
      channel: "sms",
      attempts: 0,
      verifiedAt: null,
    });
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(9.9 * 60_000);
    expect(await auditOfTarget(orgId, id)).toEqual([
      {
        action: "portal.code_requested",
        actorType: "customer",
        actorId: customer.id,
        details: { channel: "sms", purpose: "preferences", matched: true },
      },
    ]);
  });

  it("answers an unknown contact exactly the same, with no message and nothing personal stored", async () => {
    const before = (await messagesOf(orgId)).length;
    const result = await ask("+8613700000000");
    expect(Object.keys(result).sort()).toEqual(["challengeId", "status"]);
    expect(result.status).toBe("sent");
    const row = await challenge(orgId, sentId(result));
    expect(row.customerId).toBeNull();
    expect((await messagesOf(orgId)).length).toBe(before);
    const [event] = await auditOfTarget(orgId, row.id);
    expect(event).toMatchObject({
      action: "portal.code_requested",
      actorType: "system",
      details: { matched: false },
    });
    expect(JSON.stringify(event)).not.toContain("13700000000");
  });

  it("limits codes per contact and per address", async () => {
    const other = await customerWithContacts(orgId);
    for (let i = 0; i < CONTACT_LIMIT.hits; i++)
      expect((await ask(other.email, "email")).status).toBe("sent");
    expect(await ask(other.email.toUpperCase(), "email")).toEqual({ status: "rateLimited" });
    // An unknown contact is limited the same way, so the limit tells nothing either.
    for (let i = 0; i < CONTACT_LIMIT.hits; i++) await ask("+447700900123");
    expect(await ask("+447700900123")).toEqual({ status: "rateLimited" });

    const ip = uniqueIp();
    let refused = 0;
    for (let i = 0; i < 21; i++)
      if ((await ask(`+86137${String(10_000_000 + i)}`, "sms", ip)).status === "rateLimited")
        refused += 1;
    expect(refused).toBe(1);
  });
});

describe("verifying a code", () => {
  it("counts wrong attempts, then verifies once with the right code", async () => {
    const id = sentId(await ask(customer.email, "email"));
    const code = (await codeSentTo(orgId, customer.id))!;
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await verify(orgId, { challengeId: id, code: wrong, purpose: "preferences" })).toEqual({
      status: "wrong",
      attemptsLeft: MAX_ATTEMPTS - 1,
    });
    expect(await verify(orgId, { challengeId: id, code, purpose: "requests" })).toEqual({
      status: "expired",
    });
    expect(await verify(orgId, { challengeId: id, code, purpose: "preferences" })).toEqual({
      status: "verified",
      customerId: customer.id,
    });
    expect(await verify(orgId, { challengeId: id, code, purpose: "preferences" })).toEqual({
      status: "expired",
    });
    expect(
      (await auditOfTarget(orgId, id)).map((e) => [
        e.action,
        e.actorType,
        e.details.reason ?? null,
      ]),
    ).toEqual([
      ["portal.code_requested", "customer", null],
      ["portal.verification_failed", "customer", "wrong"],
      ["portal.verified", "customer", null],
      ["portal.verification_failed", "customer", "used"],
    ]);
    expect((await challenge(orgId, id)).verifiedAt).not.toBeNull();
  });

  it("locks a challenge after five attempts, even for the right code", async () => {
    const id = sentId(await ask(customer.email, "email"));
    const code = (await codeSentTo(orgId, customer.id))!;
    const wrong = code === "999999" ? "999998" : "999999";
    for (let i = 1; i < MAX_ATTEMPTS; i++)
      expect(
        (await verify(orgId, { challengeId: id, code: wrong, purpose: "preferences" })).status,
      ).toBe("wrong");
    expect(await verify(orgId, { challengeId: id, code: wrong, purpose: "preferences" })).toEqual({
      status: "expired",
    });
    expect(await verify(orgId, { challengeId: id, code, purpose: "preferences" })).toEqual({
      status: "expired",
    });
  });

  it("refuses an expired code", async () => {
    const id = sentId(await ask(customer.email, "email"));
    const code = (await codeSentTo(orgId, customer.id))!;
    await withTenant(orgId, (tx) =>
      tx
        .update(portalChallenges)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, id))),
    );
    expect(await verify(orgId, { challengeId: id, code, purpose: "preferences" })).toEqual({
      status: "expired",
    });
  });

  it("never verifies a challenge that matched nobody, and refuses a malformed or foreign id", async () => {
    const id = sentId(await ask("+8613600000000"));
    for (const code of ["000000", "123456"])
      expect((await verify(orgId, { challengeId: id, code, purpose: "preferences" })).status).toBe(
        "wrong",
      );
    expect(
      await verify(orgId, { challengeId: "not-a-uuid", code: "123456", purpose: "preferences" }),
    ).toEqual({ status: "expired" });
    const { orgId: otherOrg } = await createOrg();
    const fresh = await customerWithContacts(orgId);
    const mine = sentId(await ask(fresh.phone));
    const code = (await codeSentTo(orgId, fresh.id))!;
    expect(await verify(otherOrg, { challengeId: mine, code, purpose: "preferences" })).toEqual({
      status: "expired",
    });
  });
});
