import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, consentEvents, consentState, purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { newPurpose } from "@/lib/consent/test-support";
import { createOrg } from "@/tests/factories";
import {
  changePreference,
  customerPreferences,
  customerReceipts,
  honourGpc,
  type VisitContext,
} from "./preferences";
import { customerWithContacts } from "./test-support";

let orgId: string;
const visit: VisitContext = { locale: "en", ip: "203.0.113.77", userAgent: "Mozilla/5.0 test" };
const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(orgId, fn);
const stateOf = async (customerId: string, purposeId: string) =>
  (
    await run((tx) =>
      tx
        .select()
        .from(consentState)
        .where(
          and(
            eq(consentState.orgId, orgId),
            eq(consentState.customerId, customerId),
            eq(consentState.purposeId, purposeId),
          ),
        ),
    )
  )[0];
const receipt = async (id: string) =>
  (
    await run((tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.id, id))),
    )
  )[0];

beforeAll(async () => {
  ({ orgId } = await createOrg());
});

describe("one click in the preference center", () => {
  it("grants, then withdraws, each a receipt from the customer on the web with a truncated address, audited as the customer", async () => {
    const { id: customerId } = await customerWithContacts(orgId);
    const purpose = await newPurpose(orgId, { code: "marketing_sms" });
    const granted = await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: purpose.id, choice: "grant" }, visit),
    );
    expect(await receipt(granted)).toMatchObject({
      action: "grant",
      source: "customer",
      channel: "web",
      locale: "en",
      ipTruncated: "203.0.113.0",
      userAgent: "Mozilla/5.0 test",
      gpc: false,
    });
    expect((await receipt(granted)).noticeHash).toMatch(/^[0-9a-f]{64}$/);
    const withdrawn = await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: purpose.id, choice: "refuse" }, visit),
    );
    expect(await receipt(withdrawn)).toMatchObject({ action: "withdraw" });
    expect(await stateOf(customerId, purpose.id)).toMatchObject({
      status: "withdrawn",
      eventId: withdrawn,
    });
    const batchEvents = await run((tx) =>
      tx
        .select({ actorType: auditEvents.actorType, actorId: auditEvents.actorId })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.batch_recorded"))),
    );
    expect(batchEvents).toEqual([
      { actorType: "customer", actorId: customerId },
      { actorType: "customer", actorId: customerId },
    ]);
    const history = await run((tx) => customerReceipts(tx, orgId, customerId));
    expect(history.map((r) => [r.id, r.action])).toEqual([
      [withdrawn, "withdraw"],
      [granted, "grant"],
    ]);
  });

  it("records a refusal never granted as a denial, and refuses required, contract, not-offered and archived purposes", async () => {
    const { id: customerId } = await customerWithContacts(orgId);
    const optional = await newPurpose(orgId);
    const denied = await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: optional.id, choice: "refuse" }, visit),
    );
    expect(await receipt(denied)).toMatchObject({ action: "deny" });
    for (const spec of [
      { required: true, bases: { PIPL: "contract" as const } },
      { bases: { PIPL: "contract" as const } },
      { bases: { GDPR: "consent" as const } },
      { archived: true },
    ]) {
      const purpose = await newPurpose(orgId, spec);
      await expect(
        run((tx) =>
          changePreference(
            tx,
            orgId,
            customerId,
            { purposeId: purpose.id, choice: "refuse" },
            visit,
          ),
        ),
      ).rejects.toThrow("notFound");
      expect(await stateOf(customerId, purpose.id)).toBeUndefined();
    }
  });

  it("flags a grant older than a material change for re-consent, and a new grant clears it", async () => {
    const { id: customerId } = await customerWithContacts(orgId);
    const purpose = await newPurpose(orgId);
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: purpose.id, choice: "grant" }, visit),
    );
    await run((tx) =>
      tx
        .update(purposes)
        .set({ reconsentSince: new Date(Date.now() + 5) })
        .where(and(eq(purposes.orgId, orgId), eq(purposes.id, purpose.id))),
    );
    const row = async () =>
      (await run((tx) => customerPreferences(tx, orgId, customerId))).find(
        (p) => p.id === purpose.id,
      )!;
    expect(await row()).toMatchObject({
      status: "granted",
      allowed: false,
      reconsentRequired: true,
    });
    await new Promise((r) => setTimeout(r, 10));
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: purpose.id, choice: "grant" }, visit),
    );
    expect(await row()).toMatchObject({ allowed: true, reconsentRequired: false });
  });
});

describe("the purposes of the customer's law", () => {
  it("offers each customer only the purposes with a basis under their laws, asked as their law asks", async () => {
    const sale = await newPurpose(orgId, {
      consentKind: "separate",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
    });
    const gdprOnly = await newPurpose(orgId, { bases: { GDPR: "legitimate_interest" } });
    const ccpaOnly = await newPurpose(orgId, { bases: { CCPA: "opt_out" } });
    const of = async (laws: string[]) => {
      const { id } = await customerWithContacts(orgId, laws);
      return run((tx) => customerPreferences(tx, orgId, id));
    };
    const pipl = await of(["PIPL"]);
    expect(pipl.map((p) => p.id)).toContain(sale.id);
    expect(pipl.map((p) => p.id)).not.toContain(gdprOnly.id);
    expect(pipl.map((p) => p.id)).not.toContain(ccpaOnly.id);
    // A PIPL customer is never offered an opt-out: the same purpose needs their consent.
    expect(pipl.every((p) => p.choice.model !== "opt_out" && !p.gpcOptOut)).toBe(true);
    expect(pipl.find((p) => p.id === sale.id)).toMatchObject({
      choice: { law: "PIPL", model: "consent" },
      allowed: false,
      reason: "not_granted",
      article: "PIPL Art. 14(1)",
    });
    const cali = await of(["CCPA"]);
    expect(cali.find((p) => p.id === sale.id)).toMatchObject({
      choice: { law: "CCPA", model: "opt_out" },
      allowed: true,
      reason: "not_opted_out",
      gpcOptOut: true,
    });
    expect(cali.map((p) => p.id)).toContain(ccpaOnly.id);
    const eu = await of(["GDPR"]);
    expect(eu.find((p) => p.id === gdprOnly.id)).toMatchObject({
      choice: { law: "GDPR", model: "objection" },
      allowed: true,
      changeable: true,
    });
    const { id: euCustomer } = await customerWithContacts(orgId, ["GDPR"]);
    await run((tx) =>
      changePreference(tx, orgId, euCustomer, { purposeId: gdprOnly.id, choice: "refuse" }, visit),
    );
    expect(
      (await run((tx) => customerPreferences(tx, orgId, euCustomer))).find(
        (p) => p.id === gdprOnly.id,
      ),
    ).toMatchObject({ allowed: false, reason: "objected", article: "GDPR Art. 21(1)" });
  });
});

describe("Global Privacy Control", () => {
  it("opts a CCPA customer out of every sale or sharing not yet refused, with the GPC flag, once", async () => {
    const { id: customerId } = await customerWithContacts(orgId, ["CCPA"]);
    const optOut = {
      consentKind: "separate" as const,
      bases: { PIPL: "consent" as const, CCPA: "opt_out" as const },
    };
    const sale = await newPurpose(orgId, optOut);
    const share = await newPurpose(orgId, optOut);
    const already = await newPurpose(orgId, optOut);
    const standard = await newPurpose(orgId, { bases: { PIPL: "consent", CCPA: "consent" } });
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: share.id, choice: "grant" }, visit),
    );
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: already.id, choice: "refuse" }, visit),
    );
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: standard.id, choice: "grant" }, visit),
    );

    const { applies, recorded } = await run((tx) => honourGpc(tx, orgId, customerId, visit));
    expect(applies).toBe(true);
    // Every sale or sharing of the organisation so far that this customer had not refused.
    const prefs = await run((tx) => customerPreferences(tx, orgId, customerId));
    expect(prefs.filter((p) => p.gpcOptOut).every((p) => !p.allowed)).toBe(true);
    expect(recorded).toBe(prefs.filter((p) => p.gpcOptOut && p.gpc).length);
    expect(await stateOf(customerId, sale.id)).toMatchObject({ status: "denied", gpc: true });
    expect(await stateOf(customerId, share.id)).toMatchObject({ status: "withdrawn", gpc: true });
    expect(await stateOf(customerId, already.id)).toMatchObject({ status: "denied", gpc: false });
    expect(await stateOf(customerId, standard.id)).toMatchObject({ status: "granted", gpc: false });
    expect(prefs.find((p) => p.id === sale.id)).toMatchObject({
      reason: "gpc_opt_out",
      law: "CCPA",
      article: "11 CCR §7025",
    });
    expect(await run((tx) => honourGpc(tx, orgId, customerId, visit))).toEqual({
      applies: true,
      recorded: 0,
    });

    // Allowing again afterwards is the customer's explicit choice: the signal does not undo it.
    await run((tx) =>
      changePreference(tx, orgId, customerId, { purposeId: sale.id, choice: "grant" }, visit),
    );
    expect(await run((tx) => honourGpc(tx, orgId, customerId, visit))).toEqual({
      applies: true,
      recorded: 0,
    });
    expect(await stateOf(customerId, sale.id)).toMatchObject({ status: "granted" });
  });

  it("records nothing for a PIPL customer: there a sale or sharing needs consent, and stays denied until granted", async () => {
    const { id: customerId } = await customerWithContacts(orgId, ["PIPL"]);
    const sale = await newPurpose(orgId, {
      consentKind: "separate",
      bases: { PIPL: "consent", CCPA: "opt_out" },
    });
    expect(await run((tx) => honourGpc(tx, orgId, customerId, visit))).toEqual({
      applies: false,
      recorded: 0,
    });
    expect(await stateOf(customerId, sale.id)).toBeUndefined();
  });
});
