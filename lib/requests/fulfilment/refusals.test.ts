import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withdrawConsentAction } from "@/app/(console)/requests/[id]/fulfilment/actions";
import { closeAppDb } from "@/db/client";
import { consentEvents, requestEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { recordConsentBatch } from "@/lib/consent/record";
import { consentStateOf } from "@/lib/consent/state";
import { newCustomer, newPurpose } from "@/lib/consent/test-support";
import { auditOf } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { createRequest } from "../commands";
import { recordRefusals, refusablePurposes } from "./consent";

// GDPR Arts. 18 and 21, CCPA §1798.120, PIPL Art. 44: objection and restriction reach what runs
// without the customer's consent, recorded through the one consent recording path.
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
const people = {} as Record<"gdpr" | "ccpa" | "pipl", string>;
const ids = {} as Record<"marketing" | "analytics" | "ads" | "orders", string>;
const inTenant = <T>(fn: (ctx: TenantContext) => Promise<T>) => withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
type RefusalType = "objection" | "restriction" | "withdraw_consent" | "opt_out_sale_sharing";
const request = (type: RefusalType, customerId: string) => inTenant((ctx) => createRequest(ctx, {
  type, channel: "email", customerId, locale: "en", receivedAt: new Date("2026-11-20T02:00:00Z"), verifiedOn: "2026-11-20", identityMethod: "email_reply",
}));
const offered = async (customerId: string, type: RefusalType) =>
  (await withTenant(orgId, (tx) => refusablePurposes(tx, orgId, customerId, type))).map((p) => [p.code, p.refusal]);
const decision = async (customerId: string, code: string) =>
  (await withTenant(orgId, (tx) => consentStateOf(tx, orgId, customerId))).find((p) => p.code === code)!;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, employeeId] = [await createMember(orgId, "privacy_officer"), await createMember(orgId, "employee")];
  people.gdpr = (await newCustomer(orgId, "r-gdpr", "active", { laws: ["GDPR"] })).id;
  people.ccpa = (await newCustomer(orgId, "r-ccpa", "active", { laws: ["CCPA"] })).id;
  people.pipl = (await newCustomer(orgId, "r-pipl", "active", { laws: ["PIPL"] })).id;
  ids.marketing = (await newPurpose(orgId, { code: "marketing", bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" } })).id;
  ids.analytics = (await newPurpose(orgId, { code: "analytics", bases: { PIPL: "consent", GDPR: "legitimate_interest", CCPA: "notice" } })).id;
  ids.ads = (await newPurpose(orgId, { code: "ads", bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" } })).id;
  ids.orders = (await newPurpose(orgId, { code: "orders", bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" } })).id;
  await withTenant(orgId, (tx) => recordConsentBatch(tx, orgId, [
    { customerId: people.gdpr, purposeId: ids.marketing, action: "grant", channel: "web", source: "customer", occurredAt: "2026-10-01T08:00:00Z" },
  ], async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e))));
});

describe("what an objection or a restriction reaches", () => {
  it("under GDPR: a granted consent (withdrawn) and legitimate interest (objected), never contract", async () => {
    expect(await offered(people.gdpr, "objection")).toEqual([["analytics", "deny"], ["marketing", "withdraw"]].sort());
    expect(await offered(people.gdpr, "restriction")).toEqual([["analytics", "deny"], ["marketing", "withdraw"]].sort());
    // Withdrawing consent reaches only what they consented to.
    expect(await offered(people.gdpr, "withdraw_consent")).toEqual([["marketing", "withdraw"]]);
  });
  it("under CCPA: an opt-out reaches sale and sharing they have not opted out of; under PIPL: only what they consented to", async () => {
    expect(await offered(people.ccpa, "opt_out_sale_sharing")).toEqual([["ads", "deny"]]);
    expect(await offered(people.gdpr, "opt_out_sale_sharing")).toEqual([]);
    expect(await offered(people.pipl, "objection")).toEqual([]);
  });
});

describe("recording it", () => {
  it("records a GDPR objection as consent receipts: legitimate interest becomes objected, the consent withdrawn, on the timeline", async () => {
    const { id } = await request("objection", people.gdpr);
    expect((await decision(people.gdpr, "analytics")).allowed).toBe(true);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.analytics, ids.marketing]));
    expect(await decision(people.gdpr, "analytics")).toMatchObject({ allowed: false, reason: "objected", status: "denied" });
    expect(await decision(people.gdpr, "marketing")).toMatchObject({ allowed: false, status: "withdrawn" });
    const [step] = await withTenant(orgId, (tx) => tx.select({ data: requestEvents.data }).from(requestEvents)
      .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.requestId, id), eq(requestEvents.kind, "fulfilment"))));
    expect(step.data).toMatchObject({ step: "objection_recorded", purposes: 2 });
    expect(await offered(people.gdpr, "objection")).toEqual([]);
  });

  it("records a CCPA opt-out of sale and sharing through the same path", async () => {
    const { id } = await request("opt_out_sale_sharing", people.ccpa);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.ads]));
    expect(await decision(people.ccpa, "ads")).toMatchObject({ allowed: false, status: "denied" });
    expect(await offered(people.ccpa, "opt_out_sale_sharing")).toEqual([]);
  });

  it("refuses a purpose the request cannot reach, and people who cannot handle requests, writing nothing", async () => {
    const { id } = await request("restriction", people.pipl);
    const receipts = async () => (await withTenant(orgId, (tx) => tx.select().from(consentEvents).where(eq(consentEvents.orgId, orgId)))).length;
    const [before, audits] = [await receipts(), (await auditOf(orgId)).length];
    await actAs(officerId, orgId);
    expect(await withdrawConsentAction({ status: "idle" }, form({ requestId: id, purposeIds: [ids.orders] }))).toMatchObject({ status: "error", fieldErrors: { purposeIds: expect.any(String) } });
    await actAs(employeeId, orgId);
    expect(await withdrawConsentAction({ status: "idle" }, form({ requestId: id, purposeIds: [ids.marketing] }))).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await receipts()).toBe(before);
    expect((await auditOf(orgId)).length).toBe(audits);
  });
});
