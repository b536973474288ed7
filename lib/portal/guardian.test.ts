import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  consentEvents,
  consentState,
  messageOutbox,
  organizations,
  portalChallenges,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { receiptHash } from "@/lib/consent/receipt-hash";
import { newPurpose } from "@/lib/consent/test-support";
import { todayIso } from "@/lib/core/dates";
import { upsert } from "@/lib/customers/test-support";
import { messageContext } from "@/lib/outbox/seal";
import { createOrg } from "@/tests/factories";
import { MAX_ATTEMPTS } from "./challenge";
import { guardianRequired, requestGuardianCode } from "./guardian";
import { changePreference } from "./preferences";
import { auditOfTarget } from "@/tests/audit";
import { challenge, codeSentTo, verify, uniqueIp } from "./test-support";

afterAll(closeAppDb);

const visit = { locale: "zh-CN" as const, ip: "203.0.113.9", userAgent: "test" };
const year = Number(todayIso().slice(0, 4));
const digits = () => String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0");

let orgId: string;
let minor: { id: string; phone: string };
let adultId: string;
let purposeId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  const phone = `+86139${digits()}`;
  const [m, a] = await upsert(orgId, [
    { externalRef: `minor-${digits()}`, phone, birthDate: `${year - 12}-03-01`, laws: ["PIPL"] },
    {
      externalRef: `adult-${digits()}`,
      phone: `+86139${digits()}`,
      birthDate: "1990-05-17",
      laws: ["PIPL"],
    },
  ]);
  minor = { id: m.id, phone };
  adultId = a.id;
  purposeId = (await newPurpose(orgId)).id;
});

const ask = (customerId: string, contact: string, channel: "sms" | "email" = "sms") =>
  withTenant(orgId, (tx) =>
    requestGuardianCode(tx, orgId, {
      channel,
      contact,
      customerId,
      locale: "zh-CN",
      ip: uniqueIp(),
    }),
  );
const sent = async (contact: string) => {
  const result = await ask(minor.id, contact);
  if (result.status !== "sent") throw new Error(`expected a code, got ${result.status}`);
  return result.challengeId;
};
const choose = (choice: "grant" | "refuse", guardianChallengeId?: string) =>
  withTenant(orgId, (tx) =>
    changePreference(tx, orgId, minor.id, { purposeId, choice, guardianChallengeId }, visit),
  );
const receipts = () =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(consentEvents)
      .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.customerId, minor.id))),
  );

describe("a guardian's consent for a PIPL customer under 14 (Art. 31)", () => {
  it("applies to a PIPL customer under 14 only", async () => {
    await withTenant(orgId, async (tx) => {
      expect(await guardianRequired(tx, orgId, minor.id)).toBe(true);
      expect(await guardianRequired(tx, orgId, adultId)).toBe(false);
    });
    expect(await ask(adultId, "+8613900009999")).toEqual({ status: "notMinor" });
    expect(await ask(minor.id, minor.phone)).toEqual({ status: "ownContact" });
  });

  it("refuses the child's own grant and writes nothing; the child may still refuse", async () => {
    await expect(choose("grant")).rejects.toMatchObject({
      code: "forbidden",
      messageKey: "guardianRequired",
    });
    expect(await receipts()).toEqual([]);
    await choose("refuse");
    expect((await receipts()).map((r) => [r.action, r.byGuardian])).toEqual([["deny", false]]);
  });

  it("sends the code to the guardian's contact through the outbox, sealed under the child's key, and keeps the contact only sealed", async () => {
    const guardian = `+86139${digits()}`;
    const id = await sent(guardian);
    const row = await challenge(orgId, id);
    expect(row).toMatchObject({
      customerId: minor.id,
      purpose: "guardian",
      channel: "sms",
      verifiedAt: null,
    });
    await withTenant(orgId, async (tx) => {
      const key = await existingDataKey(tx, orgId, minor.id);
      expect(
        decryptField(key, row.contactEnc!, {
          orgId,
          table: "portal_challenges",
          column: "contact_enc",
          rowId: id,
        }),
      ).toBe(guardian);
      const [message] = await tx
        .select()
        .from(messageOutbox)
        .where(
          and(
            eq(messageOutbox.orgId, orgId),
            eq(messageOutbox.customerId, minor.id),
            eq(messageOutbox.template, "portal.guardian_code"),
          ),
        );
      expect(
        decryptField(key, message.recipientEnc, messageContext(orgId, message.id, "recipient")),
      ).toBe(guardian);
      expect(message.recipientMasked).toBe(`${guardian.slice(3, 6)}****${guardian.slice(-4)}`);
    });
    const events = await auditOfTarget(orgId, id);
    expect(events).toEqual([
      {
        action: "portal.code_requested",
        actorType: "customer",
        actorId: minor.id,
        details: { channel: "sms", purpose: "guardian", matched: true },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(guardian.slice(3));
  });

  it("a wrong code is counted, an expired code fails, and neither lets a grant through", async () => {
    const id = await sent(`+86139${digits()}`);
    const right = await codeSentTo(orgId, minor.id);
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await verify(orgId, { challengeId: id, code: wrong, purpose: "guardian" })).toEqual({
      status: "wrong",
      attemptsLeft: MAX_ATTEMPTS - 1,
    });
    await expect(choose("grant", id)).rejects.toMatchObject({ messageKey: "guardianExpired" });

    const late = await sent(`+86139${digits()}`);
    const lateCode = await codeSentTo(orgId, minor.id);
    await withTenant(orgId, (tx) =>
      tx
        .update(portalChallenges)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, late))),
    );
    expect(
      await verify(orgId, { challengeId: late, code: lateCode!, purpose: "guardian" }),
    ).toEqual({ status: "expired" });
    await expect(choose("grant", late)).rejects.toMatchObject({ messageKey: "guardianExpired" });
    // A guardian challenge does not open an identity session, nor the other way round.
    expect(await verify(orgId, { challengeId: id, code: right!, purpose: "preferences" })).toEqual({
      status: "expired",
    });
    expect((await receipts()).filter((r) => r.action === "grant")).toEqual([]);
  });

  it("the right code lets the guardian grant: the receipt and the state are the guardian's, and the receipt's hash covers it", async () => {
    const id = await sent(`+86139${digits()}`);
    expect(
      await verify(orgId, {
        challengeId: id,
        code: (await codeSentTo(orgId, minor.id))!,
        purpose: "guardian",
      }),
    ).toEqual({ status: "verified", customerId: minor.id });
    const receiptId = await choose("grant", id);
    const [receipt] = (await receipts()).filter((r) => r.id === receiptId);
    expect(receipt).toMatchObject({
      action: "grant",
      byGuardian: true,
      guardianChallengeId: id,
      source: "customer",
    });
    expect(receiptHash(receipt).equals(receipt.contentHash)).toBe(true);
    expect(
      receiptHash({ ...receipt, byGuardian: false, guardianChallengeId: null }).equals(
        receipt.contentHash,
      ),
    ).toBe(false);
    const [state] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(consentState)
        .where(
          and(
            eq(consentState.orgId, orgId),
            eq(consentState.customerId, minor.id),
            eq(consentState.purposeId, purposeId),
          ),
        ),
    );
    expect(state).toMatchObject({ status: "granted", byGuardian: true, eventId: receiptId });

    // The child withdrawing afterwards is their own act: the state is no longer the guardian's.
    await choose("refuse");
    const [after] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(consentState)
        .where(
          and(
            eq(consentState.orgId, orgId),
            eq(consentState.customerId, minor.id),
            eq(consentState.purposeId, purposeId),
          ),
        ),
    );
    expect(after).toMatchObject({ status: "withdrawn", byGuardian: false });
  });

  it("a guardian challenge verified for one child does not mark another's choice", async () => {
    const [other] = await upsert(orgId, [
      { externalRef: `minor-${digits()}`, birthDate: `${year - 10}-01-01`, laws: ["PIPL"] },
    ]);
    const id = await sent(`+86139${digits()}`);
    await verify(orgId, {
      challengeId: id,
      code: (await codeSentTo(orgId, minor.id))!,
      purpose: "guardian",
    });
    await expect(
      withTenant(orgId, (tx) =>
        changePreference(
          tx,
          orgId,
          other.id,
          { purposeId, choice: "grant", guardianChallengeId: id },
          visit,
        ),
      ),
    ).rejects.toMatchObject({ messageKey: "guardianExpired" });
  });
});

// GDPR Art. 8(1) and CCPA §1798.120(c): the same guardian step beyond PIPL, by each law's age.
describe("minors under GDPR and CCPA", () => {
  let org: string;
  let sale: string;
  const people = {} as Record<"gdpr" | "ccpa" | "ccpaChild", string>;
  const grant = (customerId: string) =>
    withTenant(org, (tx) =>
      changePreference(tx, org, customerId, { purposeId: sale, choice: "grant" }, visit),
    );
  beforeAll(async () => {
    ({ orgId: org } = await createOrg());
    await withTenant(org, (tx) =>
      tx
        .update(organizations)
        .set({ jurisdictions: ["PIPL", "GDPR", "CCPA"] })
        .where(eq(organizations.id, org)),
    );
    // 15 on Beijing's, Brussels' and California's calendars alike (14 in California on 1 January).
    const born15 = `${year - 15}-01-01`;
    const [g, c, k] = await upsert(org, [
      { externalRef: `de-${digits()}`, birthDate: born15, laws: ["GDPR"] },
      { externalRef: `ca-${digits()}`, birthDate: born15, laws: ["CCPA"] },
      { externalRef: `ca-kid-${digits()}`, birthDate: `${year - 12}-03-01`, laws: ["CCPA"] },
    ]);
    [people.gdpr, people.ccpa, people.ccpaChild] = [g.id, c.id, k.id];
    sale = (
      await newPurpose(org, {
        code: "sale_share_ads",
        bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
      })
    ).id;
  });

  it("asks a parent for a GDPR 15-year-old and a Californian under 13, not for a Californian of 15", async () => {
    await withTenant(org, async (tx) => {
      expect(await guardianRequired(tx, org, people.gdpr)).toBe(true);
      expect(await guardianRequired(tx, org, people.ccpaChild)).toBe(true);
      expect(await guardianRequired(tx, org, people.ccpa)).toBe(false);
    });
    await expect(grant(people.gdpr)).rejects.toMatchObject({ messageKey: "guardianRequired" });
    await expect(grant(people.ccpaChild)).rejects.toMatchObject({
      messageKey: "guardianRequired",
    });
    // The Californian of 15 opts in themselves.
    await grant(people.ccpa);
    const ccpaReceipts = await withTenant(org, (tx) =>
      tx
        .select({ action: consentEvents.action, byGuardian: consentEvents.byGuardian })
        .from(consentEvents)
        .where(and(eq(consentEvents.orgId, org), eq(consentEvents.customerId, people.ccpa))),
    );
    expect(ccpaReceipts).toEqual([{ action: "grant", byGuardian: false }]);
  });
});
