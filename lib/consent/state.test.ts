import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { auditEvents, customers, purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { approveVersion, draftVersion, publishVersion, saveDraft, submitVersion } from "@/lib/policies/commands";
import { documentWithVersion, policyContext } from "@/lib/policies/test-support";
import { createMember, createOrg } from "@/tests/factories";
import { decide } from "./decide";
import { proveReceipt } from "./proof";
import { recordConsentBatch, type ConsentEventInput } from "./record";
import { consentStateOf } from "./state";
import { checkConsent, newCustomer, newPurpose, systemAudit } from "./test-support";

afterAll(closeAppDb);

const ev = (customerId: string, purposeId: string, action: ConsentEventInput["action"], occurredAt: string): ConsentEventInput =>
  ({ customerId, purposeId, action, occurredAt, channel: "web", source: "platform_api" });

describe("decide", () => {
  it.each([
    ["consent", "standard", null, false, false, "not_granted"],
    ["consent", "separate", "granted", false, true, "granted"],
    ["consent", "standard", "granted", true, false, "reconsent_required"],
    ["consent", "standard", "denied", false, false, "denied"],
    ["consent", "standard", "withdrawn", false, false, "withdrawn"],
    ["contract", "standard", null, false, true, "not_required_consent"],
    ["legal_obligation", "standard", "withdrawn", false, true, "not_required_consent"],
    ["consent", "opt_out", null, false, true, "not_opted_out"],
    ["legitimate_interest", "opt_out", "withdrawn", false, false, "withdrawn"],
    ["consent", "opt_out", "granted", true, true, "granted"],
  ] as const)("%s/%s with %s (reconsent %s) → allowed %s, %s", (legalBasis, consentKind, status, reconsentRequired, allowed, reason) => {
    expect(decide({ legalBasis, consentKind, status, reconsentRequired })).toEqual({ allowed, reason });
  });
});

describe("consent state, check and proof", () => {
  it("answers per purpose from the current state, in one query each", async () => {
    const { orgId } = await createOrg();
    const alice = await newCustomer(orgId, "alice-1");
    const erased = await newCustomer(orgId, "gone-1", "erased");
    const sms = await newPurpose(orgId, { code: "marketing_sms" });
    const sale = await newPurpose(orgId, { code: "data_sale", consentKind: "opt_out", legalBasis: "legitimate_interest" });
    const account = await newPurpose(orgId, { code: "account", legalBasis: "contract", required: true });
    await newPurpose(orgId, { code: "old_one", archived: true });

    await withTenant(orgId, async (tx) => {
      const check = (code: string, ref = "alice-1") => checkConsent(tx, orgId, ref, code);
      expect(await check("marketing_sms")).toEqual({ allowed: false, reason: "not_granted" });
      expect(await check("data_sale")).toEqual({ allowed: true, reason: "not_opted_out" });
      expect(await check("account")).toEqual({ allowed: true, reason: "not_required_consent" });
      expect(await check("old_one")).toEqual({ allowed: false, reason: "unknown_purpose" });
      expect(await check("nope")).toEqual({ allowed: false, reason: "unknown_purpose" });
      expect(await check("marketing_sms", "nobody")).toEqual({ allowed: false, reason: "unknown_customer" });
      expect(await check("marketing_sms", "gone-1")).toEqual({ allowed: false, reason: "unknown_customer" });
      expect(erased.id).toBeTruthy();

      const batch = await recordConsentBatch(tx, orgId, [
        ev(alice.id, sms.id, "grant", "2026-11-01T00:00:00Z"), { ...ev(alice.id, sale.id, "withdraw", "2026-11-01T00:00:00Z"), gpc: true },
      ], systemAudit(tx, orgId));
      expect(await check("marketing_sms")).toEqual({ allowed: true, reason: "granted" });
      expect(await checkConsent(tx, orgId, alice.externalRef, "data_sale")).toEqual({ allowed: false, reason: "withdrawn" });

      const state = await consentStateOf(tx, orgId, alice.id);
      expect(state.map((s) => s.code)).toEqual(["account", "data_sale", "marketing_sms"]);
      expect(state.find((s) => s.code === "marketing_sms")).toMatchObject({
        status: "granted", receiptId: batch.receipts[0].id, occurredAt: "2026-11-01T00:00:00.000Z", reconsentRequired: false, allowed: true, gpc: false,
      });
      expect(state.find((s) => s.code === "data_sale")).toMatchObject({ status: "withdrawn", gpc: true, allowed: false, reason: "withdrawn" });
      expect(state.find((s) => s.code === "account")).toMatchObject({ status: null, receiptId: null, allowed: true, reason: "not_required_consent", required: true });
      expect(account.id).toBeTruthy();
    });
  });

  it("checks on the pool without a transaction, and leaves a caller's transaction in its own organisation", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    const [alice, bob] = [await newCustomer(a.orgId), await newCustomer(b.orgId)];
    const sms = await newPurpose(b.orgId, { code: "marketing_sms" });
    await withTenant(b.orgId, (tx) => recordConsentBatch(tx, b.orgId, [ev(bob.id, sms.id, "grant", "2026-11-01T00:00:00Z")], systemAudit(tx, b.orgId)));

    expect(await checkConsent(appDb(), b.orgId, bob.externalRef, "marketing_sms")).toEqual({ allowed: true, reason: "granted" });
    // Each organisation's rows only: another organisation's customer is unknown here.
    expect(await checkConsent(appDb(), b.orgId, alice.externalRef, "marketing_sms")).toEqual({ allowed: false, reason: "unknown_customer" });
    expect(await checkConsent(appDb(), a.orgId, bob.externalRef, "marketing_sms")).toEqual({ allowed: false, reason: "unknown_customer" });
    // Nothing of the check's organisation is left on the pooled connection.
    const { rows } = await appDb().execute<{ org: string | null }>(sql`select current_setting('app.org_id', true) as org`);
    expect(rows[0].org ?? "").toBe("");

    await withTenant(a.orgId, async (tx) => {
      expect(await checkConsent(tx, b.orgId, bob.externalRef, "marketing_sms")).toEqual({ allowed: true, reason: "granted" });
      const after = await tx.execute<{ org: string }>(sql`select current_setting('app.org_id') as org`);
      expect(after.rows[0].org).toBe(a.orgId);
      expect(await tx.select({ id: customers.id }).from(customers)).toEqual([{ id: alice.id }]);
    });
  });

  it("proves a receipt's inclusion up to the audit event that carries its batch's root", async () => {
    const { orgId } = await createOrg();
    const c = await newCustomer(orgId);
    const p = await newPurpose(orgId);
    await withTenant(orgId, async (tx) => {
      const batch = await recordConsentBatch(tx, orgId, Array.from({ length: 5 }, (_, i) => ev(c.id, p.id, "grant", `2026-11-0${i + 1}T00:00:00Z`)), systemAudit(tx, orgId));
      const proof = await proveReceipt(tx, orgId, batch.receipts[3].id);
      const [event] = await tx.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.batch_recorded")));
      expect(proof).toMatchObject({
        batchId: batch.batchId, batchSeq: 3, contentHash: batch.receipts[3].contentHash, merkleRoot: batch.merkleRoot, auditSeq: event.seq, valid: true,
        checks: { contentMatches: true, pathMatches: true, batchRootMatches: true, auditMatches: true },
      });
      expect(proof?.path).toHaveLength(3);
      expect(await proveReceipt(tx, orgId, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
    });
  });

  it("asks for re-consent after a material change of the purpose's policy, without rewriting consent rows", async () => {
    const { orgId, ownerId } = await createOrg();
    const approverId = await createMember(orgId, "admin");
    const { documentId, id: v1 } = await documentWithVersion(orgId, ownerId, approverId, "published", "privacy");
    const sms = await newPurpose(orgId, { code: "marketing_sms", policyDocumentId: documentId });
    const unrelated = await newPurpose(orgId, { code: "analytics" });
    const [before, after] = [await newCustomer(orgId), await newCustomer(orgId)];
    await withTenant(orgId, (tx) => recordConsentBatch(tx, orgId, [ev(before.id, sms.id, "grant", "2026-01-01T00:00:00Z"), ev(before.id, unrelated.id, "grant", "2026-01-01T00:00:00Z")], systemAudit(tx, orgId)));

    const publish = (material: boolean) => withTenant(orgId, async (tx) => {
      const author = policyContext(tx, orgId, ownerId);
      const approver = policyContext(tx, orgId, approverId);
      const id = await draftVersion(author, documentId);
      await saveDraft(author, { id, contentZh: "新", contentEn: "New", summaryZh: "摘要", summaryEn: "Summary", changeSummary: "x", materialChange: material, authoritativeLocale: "zh-CN", effectiveOn: "2026-01-01" });
      await submitVersion(author, id);
      await approveVersion(approver, id, false);
      await publishVersion(approver, id);
      return id;
    });

    // A minor version points the purpose at it but asks nothing again.
    const v2 = await publish(false);
    const purposeRow = async () => (await withTenant(orgId, (tx) => tx.select().from(purposes).where(and(eq(purposes.orgId, orgId), eq(purposes.id, sms.id)))))[0];
    expect(await purposeRow()).toMatchObject({ policyVersionId: v2, reconsentSince: null });
    expect(v1).not.toBe(v2);

    const v3 = await publish(true);
    const row = await purposeRow();
    expect(row.policyVersionId).toBe(v3);
    expect(row.reconsentSince).toBeInstanceOf(Date);

    await withTenant(orgId, async (tx) => {
      expect(await checkConsent(tx, orgId, before.externalRef, "marketing_sms")).toEqual({ allowed: false, reason: "reconsent_required" });
      expect(await checkConsent(tx, orgId, before.externalRef, "analytics")).toEqual({ allowed: true, reason: "granted" });
      const state = await consentStateOf(tx, orgId, before.id);
      expect(state.find((s) => s.code === "marketing_sms")).toMatchObject({ status: "granted", reconsentRequired: true, allowed: false });

      // Granting again after the change clears it.
      await recordConsentBatch(tx, orgId, [{ ...ev(after.id, sms.id, "grant", new Date(Date.now() + 1000).toISOString()), policyVersionId: v3 }], systemAudit(tx, orgId));
      expect(await checkConsent(tx, orgId, after.externalRef, "marketing_sms")).toEqual({ allowed: true, reason: "granted" });

      const events = await tx.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "purpose.reconsent_required"))).orderBy(asc(auditEvents.seq));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ targetType: "purpose", targetId: sms.id, details: { code: "marketing_sms", documentId, versionId: v3 } });
    });
  });
});
