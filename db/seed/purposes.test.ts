import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  policyDocuments,
  policyVersions,
  vendors,
  type Jurisdiction,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { purposeFormValues } from "@/lib/purposes/form-values";
import { listPurposes } from "@/lib/purposes/queries";
import { purposeViolations } from "@/lib/purposes/rules";
import { purposeUpdateSchema } from "@/lib/purposes/schemas";
import { setJurisdictions } from "@/lib/purposes/test-support";
import { createMember, createOrg } from "@/tests/factories";
import { seedPolicies } from "./policies";
import { seedPurposes } from "./purposes";
import { seedVendors } from "./vendors";

afterAll(closeAppDb);

const seed = { type: "system", id: "seed" } as const;

async function seededOrg(size: "full" | "few", laws: Jurisdiction[]) {
  const { orgId } = await createOrg();
  await setJurisdictions(orgId, laws);
  await createMember(orgId, "privacy_officer");
  await createMember(orgId, "admin");
  return withTenant(orgId, async (tx) => {
    await seedVendors(tx, orgId, size, seed);
    await seedPolicies(tx, orgId, size, seed);
    await seedPurposes(tx, orgId, size, seed);
    const { active } = await listPurposes(tx, orgId);
    const [privacy] = await tx
      .select({ id: policyVersions.id, documentId: policyVersions.documentId })
      .from(policyVersions)
      .innerJoin(
        policyDocuments,
        and(
          eq(policyDocuments.orgId, policyVersions.orgId),
          eq(policyDocuments.id, policyVersions.documentId),
        ),
      )
      .where(
        and(
          eq(policyVersions.orgId, orgId),
          eq(policyDocuments.slug, "privacy"),
          eq(policyVersions.status, "published"),
        ),
      );
    const registry = await tx
      .select({
        id: vendors.id,
        name: vendors.name,
        role: vendors.handlerRole,
        country: vendors.country,
      })
      .from(vendors)
      .where(eq(vendors.orgId, orgId));
    const vendorNames = new Map(registry.map((v) => [v.id, v.name]));
    const audits = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "purpose.created")));
    return { active, privacy, vendorNames, registry, audits };
  });
}

describe("demo purposes", () => {
  it("seed the voucher platform's catalogue, valid by the editor's own rules, linked to the privacy policy and audited", async () => {
    const { active, privacy, vendorNames, registry, audits } = await seededOrg("full", [
      "PIPL",
      "GDPR",
      "CCPA",
    ]);
    const byCode = new Map(active.map((p) => [p.code, p]));
    expect([...byCode.keys()].sort()).toEqual([
      "account_transactions",
      "analytics_sdk",
      "contact_for_redemption",
      "cross_border_storage",
      "location_nearby_deals",
      "marketing_push",
      "marketing_sms",
      "payment_processor_sharing",
      "personalised_recommendations",
      "real_name_verification",
      "sale_share_ads",
    ]);
    for (const purpose of active) {
      const parsed = purposeUpdateSchema.safeParse(purposeFormValues(purpose));
      expect(parsed.success ? [] : parsed.error.issues, purpose.code).toEqual([]);
      expect(
        purpose.name["zh-CN"] &&
          purpose.name.en &&
          purpose.description["zh-CN"] &&
          purpose.description.en,
        purpose.code,
      ).toBeTruthy();
      expect(purpose, purpose.code).toMatchObject({
        policyDocumentId: privacy.documentId,
        policyVersionId: privacy.id,
      });
      // …and by the rules on its recipients' roles and countries (PIPL Arts. 23, 38–39).
      const recipients = purpose.recipientVendorIds.map((id) => registry.find((v) => v.id === id)!);
      expect(purposeViolations({ ...purpose, recipients }), purpose.code).toEqual([]);
    }
    const recipients = (code: string) =>
      byCode
        .get(code)!
        .recipientVendorIds.map((id) => vendorNames.get(id))
        .sort();
    // Every purpose's basis under each law, checked against the law (PIPL Art. 13, GDPR Art. 6, CCPA).
    const consent = { PIPL: "consent", GDPR: "consent", CCPA: "consent" };
    const contract = { PIPL: "contract", GDPR: "contract", CCPA: "notice" };
    expect(Object.fromEntries(active.map((p) => [p.code, p.bases]))).toEqual({
      account_transactions: contract,
      payment_processor_sharing: contract,
      contact_for_redemption: consent,
      real_name_verification: consent,
      marketing_sms: consent,
      marketing_push: consent,
      personalised_recommendations: consent,
      location_nearby_deals: consent,
      analytics_sdk: consent,
      cross_border_storage: consent,
      // Device identifiers and behaviour to ad partners: consent under PIPL and GDPR, an opt-out only under CCPA.
      sale_share_ads: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
    });
    expect(byCode.get("account_transactions")).toMatchObject({
      required: true,
      consentKind: "standard",
    });
    expect(byCode.get("contact_for_redemption")).toMatchObject({
      consentKind: "separate",
      separateGrounds: ["sharing"],
      required: false,
    });
    expect(byCode.get("real_name_verification")).toMatchObject({
      consentKind: "separate",
      separateGrounds: ["sensitive"],
      sensitive: true,
    });
    expect(byCode.get("location_nearby_deals")).toMatchObject({
      consentKind: "separate",
      sensitive: true,
      dataCategories: ["location", "device"],
    });
    expect(byCode.get("marketing_sms")).toMatchObject({
      consentKind: "standard",
      required: false,
      sensitive: false,
    });
    expect(byCode.get("cross_border_storage")).toMatchObject({
      separateGrounds: ["cross_border"],
      crossBorderDestination: "SG",
      transferMechanism: "standard_contract",
    });
    expect(byCode.get("sale_share_ads")).toMatchObject({
      consentKind: "separate",
      separateGrounds: ["sharing"],
      required: false,
    });
    expect(byCode.get("payment_processor_sharing")).toMatchObject({
      required: true,
      sensitive: true,
    });
    expect(recipients("analytics_sdk")).toEqual(["友盟+"]);
    // The ad partner is an independent handler: the reason sale_share_ads asks separate consent to share (PIPL Art. 23).
    expect(recipients("sale_share_ads")).toEqual(["巨量引擎"]);
    expect(recipients("payment_processor_sharing")).toEqual(
      ["中国银联", "微信支付", "支付宝"].sort(),
    );
    expect(recipients("cross_border_storage")).toEqual(["Amazon Web Services"]);
    expect(audits.map((a) => [a.actorType, a.actorId, a.targetId]).sort()).toEqual(
      active.map((p) => ["system", "seed", p.id]).sort(),
    );
  });

  it("seed a handful for the second organisation, with its Hong Kong hosting as the cross-border purpose", async () => {
    const { active, vendorNames } = await seededOrg("few", ["PIPL", "GDPR"]);
    expect(active.map((p) => p.code)).toEqual([
      "account_transactions",
      "contact_for_redemption",
      "cross_border_storage",
      "marketing_sms",
    ]);
    const storage = active.find((p) => p.code === "cross_border_storage")!;
    expect(storage).toMatchObject({
      crossBorderDestination: "HK",
      transferMechanism: "standard_contract",
    });
    expect(storage.recipientVendorIds.map((id) => vendorNames.get(id))).toEqual(["Alibaba Cloud"]);
    expect(storage.description.en).toContain("Hong Kong");
    // Bases only under the organisation's own laws.
    expect(active.every((p) => Object.keys(p.bases).sort().join() === "GDPR,PIPL")).toBe(true);
  });
});
