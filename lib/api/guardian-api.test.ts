import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { consentEvents, consentState, portalChallenges } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { receiptHash } from "@/lib/consent/receipt-hash";
import { newPurpose } from "@/lib/consent/test-support";
import { todayIso } from "@/lib/core/dates";
import { upsert } from "@/lib/customers/test-support";
import { codeSentTo } from "@/lib/portal/test-support";
import { createOrg } from "@/tests/factories";
import { recordConsentEvents } from "./consent-endpoints";
import { requestGuardianCodeEndpoint, verifyGuardianCodeEndpoint } from "./guardian-endpoints";
import { call, eventsOf, newKey } from "./test-support";

afterAll(closeAppDb);

const digits = () => String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0");
const year = Number(todayIso().slice(0, 4));

async function setup() {
  const { orgId, ownerId } = await createOrg();
  const key = await newKey(orgId, ownerId, ["consent:write", "consent:read"]);
  const childPhone = `+86139${digits()}`;
  const [child, adult] = await upsert(orgId, [
    { externalRef: "kid-1", phone: childPhone, birthDate: `${year - 11}-09-09`, laws: ["PIPL"] },
    { externalRef: "adult-1", birthDate: "1980-01-01", laws: ["PIPL"] },
  ]);
  const sms = await newPurpose(orgId, { code: "marketing_sms" });
  const askCode = (ref: string, body: unknown) =>
    call(requestGuardianCodeEndpoint, `/customers/${ref}/guardian-codes`, {
      token: key.token,
      body,
      params: { externalRef: ref },
    });
  const verify = (id: string, code: string) =>
    call(verifyGuardianCodeEndpoint, `/guardian-codes/${id}/verify`, {
      token: key.token,
      body: { code },
      params: { challengeId: id },
    });
  const ingest = (items: unknown[]) =>
    call(recordConsentEvents, "/consent-events", { token: key.token, body: { items } });
  return { orgId, key, child, childPhone, adult, sms, askCode, verify, ingest };
}

const grant = (extra: Record<string, unknown> = {}) => ({
  customerRef: "kid-1",
  purpose: "marketing_sms",
  action: "grant",
  occurredAt: new Date().toISOString(),
  channel: "app",
  ...extra,
});

describe("guardian consent through the platform API (PIPL Art. 31)", () => {
  it("sends a code to the guardian, refuses a wrong code (counted) and a used one, and records by_guardian receipts after the right one", async () => {
    const { orgId, key, child, askCode, verify, ingest } = await setup();
    const guardian = `+86139${digits()}`;
    const asked = await askCode("kid-1", { channel: "sms", contact: guardian });
    expect(asked.status).toBe(200);
    const { challengeId } = asked.body;
    expect(asked.body.expiresAt).toEqual(expect.any(String));
    const [requested] = await eventsOf(orgId, "portal.code_requested");
    expect(requested).toMatchObject({
      actorType: "api_key",
      actorId: key.id,
      targetId: challengeId,
      details: { channel: "sms", purpose: "guardian", matched: true },
    });
    expect(JSON.stringify(requested)).not.toContain(guardian.slice(3));

    // Until verified, naming the challenge refuses the whole batch.
    const early = await ingest([grant({ guardianChallengeId: challengeId })]);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        index: 0,
        field: "guardianChallengeId",
        code: "guardian_unverified",
      }),
    ]);

    const code = (await codeSentTo(orgId, child.id))!;
    const wrong = await verify(challengeId, code === "000000" ? "111111" : "000000");
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
    expect(wrong.body.errors[0]).toMatchObject({ field: "code", code: "wrong_code" });
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(portalChallenges)
        .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challengeId))),
    );
    expect(row.attempts).toBe(1); // the refusal committed the attempt

    const right = await verify(challengeId, code);
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ challengeId, validUntil: expect.any(String) });
    expect((await verify(challengeId, code)).body.errors[0].code).toBe("expired_code"); // single use

    const recorded = await ingest([grant({ guardianChallengeId: challengeId })]);
    expect(recorded.status).toBe(200);
    await withTenant(orgId, async (tx) => {
      const [receipt] = await tx
        .select()
        .from(consentEvents)
        .where(
          and(eq(consentEvents.orgId, orgId), eq(consentEvents.id, recorded.body.receipts[0].id)),
        );
      expect(receipt).toMatchObject({
        byGuardian: true,
        guardianChallengeId: challengeId,
        source: "platform_api",
      });
      expect(receiptHash(receipt).toString("hex")).toBe(recorded.body.receipts[0].contentHash);
      const [state] = await tx
        .select()
        .from(consentState)
        .where(and(eq(consentState.orgId, orgId), eq(consentState.customerId, child.id)));
      expect(state).toMatchObject({ status: "granted", byGuardian: true });
    });
  });

  it("an expired code cannot be verified", async () => {
    const { orgId, child, askCode, verify } = await setup();
    const { challengeId } = (
      await askCode("kid-1", { channel: "email", contact: `parent.${digits()}@example.com` })
    ).body;
    await withTenant(orgId, (tx) =>
      tx
        .update(portalChallenges)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challengeId))),
    );
    const late = await verify(challengeId, (await codeSentTo(orgId, child.id))!);
    expect(late.status).toBe(422);
    expect(late.body.errors[0].code).toBe("expired_code");
  });

  it("answers problems: an adult (409), the child's own contact (409), an unknown customer or challenge (404), a bad contact (422)", async () => {
    const { childPhone, askCode, verify } = await setup();
    expect((await askCode("adult-1", { channel: "sms", contact: "+8613900001111" })).status).toBe(
      409,
    );
    expect((await askCode("kid-1", { channel: "sms", contact: childPhone })).status).toBe(409);
    expect((await askCode("nobody", { channel: "sms", contact: "+8613900001111" })).status).toBe(
      404,
    );
    expect((await askCode("kid-1", { channel: "sms", contact: "not a phone" })).status).toBe(422);
    expect((await verify("00000000-0000-4000-8000-000000000000", "123456")).status).toBe(404);
  });
});
