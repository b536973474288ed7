import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { auditEvents, customers, organizations, purposes } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import {
  approveVersion,
  draftVersion,
  publishVersion,
  saveDraft,
  submitVersion,
} from "@/lib/policies/commands";
import { documentWithVersion, policyContext } from "@/lib/policies/test-support";
import { createMember, createOrg } from "@/tests/factories";
import { proveReceipt } from "./proof";
import { recordConsentBatch, type ConsentEventInput } from "./record";
import { consentStateOf } from "./state";
import { checkConsent, newCustomer, newPurpose, systemAudit } from "./test-support";

afterAll(closeAppDb);

const ev = (
  customerId: string,
  purposeId: string,
  action: ConsentEventInput["action"],
  occurredAt: string,
): ConsentEventInput => ({
  customerId,
  purposeId,
  action,
  occurredAt,
  channel: "web",
  source: "platform_api",
});

describe("consent state, check and proof", () => {
  it("answers per purpose and customer, under the customer's laws, with the law and article applied", async () => {
    const { orgId } = await createOrg();
    await withoutTenant((tx) =>
      tx
        .update(organizations)
        .set({ jurisdictions: ["PIPL", "GDPR", "CCPA"] })
        .where(eq(organizations.id, orgId)),
    );
    const alice = await newCustomer(orgId, "alice-1");
    const cali = await newCustomer(orgId, "cali-1", "active", { laws: ["CCPA"] });
    const both = await newCustomer(orgId, "both-1", "active", { laws: ["CCPA", "PIPL"] });
    const kid = await newCustomer(orgId, "kid-1", "active", {
      region: "CN-SH",
      // Ten years old whatever day the test runs.
      minorBornOn: `${new Date().getUTCFullYear() - 10}-01-01`,
    });
    await newCustomer(orgId, "gone-1", "erased");
    const sms = await newPurpose(orgId, {
      code: "marketing_sms",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
    });
    const sale = await newPurpose(orgId, {
      code: "sale_share_ads",
      consentKind: "separate",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
    });
    await newPurpose(orgId, {
      code: "account",
      bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
      required: true,
    });
    await newPurpose(orgId, {
      code: "fraud_signals",
      bases: { GDPR: "legitimate_interest", CCPA: "notice" },
    });
    await newPurpose(orgId, { code: "old_one", archived: true });

    await withTenant(orgId, async (tx) => {
      const check = (code: string, ref = "alice-1") => checkConsent(tx, orgId, ref, code);
      // alice has no law recorded: the organisation's first, PIPL.
      expect(await check("marketing_sms")).toEqual({
        allowed: false,
        reason: "not_granted",
        law: "PIPL",
        article: "PIPL Art. 13(1)(1)",
      });
      expect(await check("sale_share_ads")).toEqual({
        allowed: false,
        reason: "not_granted",
        law: "PIPL",
        article: "PIPL Art. 14(1)",
      });
      expect(await check("account")).toEqual({
        allowed: true,
        reason: "not_required_consent",
        law: "PIPL",
        article: "PIPL Art. 13(1)(2)",
      });
      expect(await check("fraud_signals")).toEqual({
        allowed: false,
        reason: "not_offered",
        law: "PIPL",
        article: "PIPL Art. 13(1)",
      });
      expect(await check("sale_share_ads", "cali-1")).toEqual({
        allowed: true,
        reason: "not_opted_out",
        law: "CCPA",
        article: "CCPA §1798.120(a)",
      });
      expect(await check("sale_share_ads", "both-1")).toMatchObject({
        allowed: false,
        reason: "not_granted",
        law: "PIPL",
      });
      expect(await check("marketing_sms", "kid-1")).toEqual({
        allowed: false,
        reason: "guardian_required",
        law: "PIPL",
        article: "PIPL Art. 31",
      });
      expect(await check("old_one")).toEqual({
        allowed: false,
        reason: "unknown_purpose",
        law: null,
        article: null,
      });
      expect(await check("nope")).toMatchObject({ allowed: false, reason: "unknown_purpose" });
      expect(await check("marketing_sms", "nobody")).toEqual({
        allowed: false,
        reason: "unknown_customer",
        law: null,
        article: null,
      });
      expect(await check("marketing_sms", "gone-1")).toMatchObject({
        allowed: false,
        reason: "unknown_customer",
      });

      const batch = await recordConsentBatch(
        tx,
        orgId,
        [
          ev(alice.id, sms.id, "grant", "2026-11-01T00:00:00Z"),
          ev(alice.id, sale.id, "grant", "2026-11-01T00:00:00Z"),
          { ...ev(cali.id, sale.id, "withdraw", "2026-11-01T00:00:00Z"), gpc: true },
          ev(both.id, sale.id, "grant", "2026-11-01T00:00:00Z"),
          ev(kid.id, sms.id, "grant", "2026-11-01T00:00:00Z"),
        ],
        systemAudit(tx, orgId),
      );
      expect(await check("marketing_sms")).toEqual({
        allowed: true,
        reason: "granted",
        law: "PIPL",
        article: "PIPL Art. 13(1)(1)",
      });
      expect(await check("sale_share_ads")).toMatchObject({
        allowed: true,
        reason: "granted",
        law: "PIPL",
      });
      expect(await check("sale_share_ads", "cali-1")).toEqual({
        allowed: false,
        reason: "gpc_opt_out",
        law: "CCPA",
        article: "11 CCR §7025",
      });
      expect(await check("sale_share_ads", "both-1")).toMatchObject({
        allowed: true,
        reason: "granted",
        law: "PIPL",
      });
      // A minor's own grant is not a guardian's.
      expect(await check("marketing_sms", "kid-1")).toMatchObject({
        allowed: false,
        reason: "guardian_required",
      });

      const state = await consentStateOf(tx, orgId, alice.id);
      expect(state.map((s) => s.code)).toEqual([
        "account",
        "fraud_signals",
        "marketing_sms",
        "sale_share_ads",
      ]);
      expect(state.find((s) => s.code === "marketing_sms")).toMatchObject({
        status: "granted",
        receiptId: batch.receipts[0].id,
        occurredAt: "2026-11-01T00:00:00.000Z",
        reconsentRequired: false,
        allowed: true,
        gpc: false,
        law: "PIPL",
        article: "PIPL Art. 13(1)(1)",
        choice: { law: "PIPL", basis: "consent", model: "consent" },
      });
      expect(state.find((s) => s.code === "fraud_signals")).toMatchObject({
        choice: null,
        allowed: false,
        reason: "not_offered",
      });
      expect(state.find((s) => s.code === "account")).toMatchObject({
        status: null,
        receiptId: null,
        allowed: true,
        reason: "not_required_consent",
        required: true,
      });
      expect(
        (await consentStateOf(tx, orgId, cali.id)).find((s) => s.code === "sale_share_ads"),
      ).toMatchObject({
        status: "withdrawn",
        gpc: true,
        allowed: false,
        reason: "gpc_opt_out",
        choice: { law: "CCPA", model: "opt_out" },
      });
    });
  });

  it("checks on the pool without a transaction, and leaves a caller's transaction in its own organisation", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    const [alice, bob] = [await newCustomer(a.orgId), await newCustomer(b.orgId)];
    const sms = await newPurpose(b.orgId, { code: "marketing_sms" });
    await withTenant(b.orgId, (tx) =>
      recordConsentBatch(
        tx,
        b.orgId,
        [ev(bob.id, sms.id, "grant", "2026-11-01T00:00:00Z")],
        systemAudit(tx, b.orgId),
      ),
    );

    expect(await checkConsent(appDb(), b.orgId, bob.externalRef, "marketing_sms")).toMatchObject({
      allowed: true,
      reason: "granted",
    });
    // Each organisation's rows only: another organisation's customer is unknown here.
    expect(await checkConsent(appDb(), b.orgId, alice.externalRef, "marketing_sms")).toMatchObject({
      allowed: false,
      reason: "unknown_customer",
    });
    expect(await checkConsent(appDb(), a.orgId, bob.externalRef, "marketing_sms")).toMatchObject({
      allowed: false,
      reason: "unknown_customer",
    });
    // Nothing of the check's organisation is left on the pooled connection.
    const { rows } = await appDb().execute<{ org: string | null }>(
      sql`select current_setting('app.org_id', true) as org`,
    );
    expect(rows[0].org ?? "").toBe("");

    await withTenant(a.orgId, async (tx) => {
      expect(await checkConsent(tx, b.orgId, bob.externalRef, "marketing_sms")).toMatchObject({
        allowed: true,
        reason: "granted",
      });
      const after = await tx.execute<{ org: string }>(
        sql`select current_setting('app.org_id') as org`,
      );
      expect(after.rows[0].org).toBe(a.orgId);
      expect(await tx.select({ id: customers.id }).from(customers)).toEqual([{ id: alice.id }]);
    });
  });

  it("proves a receipt's inclusion up to the audit event that carries its batch's root", async () => {
    const { orgId } = await createOrg();
    const c = await newCustomer(orgId);
    const p = await newPurpose(orgId);
    await withTenant(orgId, async (tx) => {
      const batch = await recordConsentBatch(
        tx,
        orgId,
        Array.from({ length: 5 }, (_, i) => ev(c.id, p.id, "grant", `2026-11-0${i + 1}T00:00:00Z`)),
        systemAudit(tx, orgId),
      );
      const proof = await proveReceipt(tx, orgId, batch.receipts[3].id);
      const [event] = await tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.batch_recorded")));
      expect(proof).toMatchObject({
        batchId: batch.batchId,
        batchSeq: 3,
        contentHash: batch.receipts[3].contentHash,
        merkleRoot: batch.merkleRoot,
        auditSeq: event.seq,
        valid: true,
        checks: {
          contentMatches: true,
          pathMatches: true,
          batchRootMatches: true,
          auditMatches: true,
        },
      });
      expect(proof?.path).toHaveLength(3);
      expect(await proveReceipt(tx, orgId, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
    });
  });

  it("asks for re-consent after a material change of the purpose's policy, without rewriting consent rows", async () => {
    const { orgId, ownerId } = await createOrg();
    const approverId = await createMember(orgId, "admin");
    const { documentId, id: v1 } = await documentWithVersion(
      orgId,
      ownerId,
      approverId,
      "published",
      "privacy",
    );
    const sms = await newPurpose(orgId, { code: "marketing_sms", policyDocumentId: documentId });
    const unrelated = await newPurpose(orgId, { code: "analytics" });
    const [before, after] = [await newCustomer(orgId), await newCustomer(orgId)];
    await withTenant(orgId, (tx) =>
      recordConsentBatch(
        tx,
        orgId,
        [
          ev(before.id, sms.id, "grant", "2026-01-01T00:00:00Z"),
          ev(before.id, unrelated.id, "grant", "2026-01-01T00:00:00Z"),
        ],
        systemAudit(tx, orgId),
      ),
    );

    const publish = (material: boolean) =>
      withTenant(orgId, async (tx) => {
        const author = policyContext(tx, orgId, ownerId);
        const approver = policyContext(tx, orgId, approverId);
        const id = await draftVersion(author, documentId);
        await saveDraft(author, {
          id,
          contentZh: "新",
          contentEn: "New",
          summaryZh: "摘要",
          summaryEn: "Summary",
          changeSummary: "x",
          materialChange: material,
          authoritativeLocale: "zh-CN",
          effectiveOn: "2026-01-01",
        });
        await submitVersion(author, id);
        await approveVersion(approver, id, false);
        await publishVersion(approver, id);
        return id;
      });

    // A minor version points the purpose at it but asks nothing again.
    const v2 = await publish(false);
    const purposeRow = async () =>
      (
        await withTenant(orgId, (tx) =>
          tx
            .select()
            .from(purposes)
            .where(and(eq(purposes.orgId, orgId), eq(purposes.id, sms.id))),
        )
      )[0];
    expect(await purposeRow()).toMatchObject({ policyVersionId: v2, reconsentSince: null });
    expect(v1).not.toBe(v2);

    const v3 = await publish(true);
    const row = await purposeRow();
    expect(row.policyVersionId).toBe(v3);
    expect(row.reconsentSince).toBeInstanceOf(Date);

    await withTenant(orgId, async (tx) => {
      expect(await checkConsent(tx, orgId, before.externalRef, "marketing_sms")).toEqual({
        allowed: false,
        reason: "reconsent_required",
        law: "PIPL",
        article: "PIPL Art. 14(2)",
      });
      expect(await checkConsent(tx, orgId, before.externalRef, "analytics")).toMatchObject({
        allowed: true,
        reason: "granted",
      });
      const state = await consentStateOf(tx, orgId, before.id);
      expect(state.find((s) => s.code === "marketing_sms")).toMatchObject({
        status: "granted",
        reconsentRequired: true,
        allowed: false,
      });

      // Granting again after the change clears it.
      await recordConsentBatch(
        tx,
        orgId,
        [
          {
            ...ev(after.id, sms.id, "grant", new Date(Date.now() + 1000).toISOString()),
            policyVersionId: v3,
          },
        ],
        systemAudit(tx, orgId),
      );
      expect(await checkConsent(tx, orgId, after.externalRef, "marketing_sms")).toMatchObject({
        allowed: true,
        reason: "granted",
      });

      const events = await tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "purpose.reconsent_required")),
        )
        .orderBy(asc(auditEvents.seq));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        targetType: "purpose",
        targetId: sms.id,
        details: { code: "marketing_sms", documentId, versionId: v3 },
      });
    });
  });
});
