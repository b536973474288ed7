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
import { checkConsent, newCustomer, newPurpose } from "@/lib/consent/test-support";
import { auditOf } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { createRequest } from "../commands";
import { completeFulfilledRequest } from "./completion";
import { recordRefusals, refusablePurposes } from "./consent";

// GDPR Arts. 18 and 21, CCPA §1798.120, PIPL Art. 44: objection and restriction reach what runs
// without the customer's consent, recorded through the one consent recording path.
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
const people = {} as Record<"gdpr" | "ccpa" | "pipl" | "ccpa2" | "ccpa3", string>;
const ids = {} as Record<
  | "marketing"
  | "analytics"
  | "ads"
  | "orders"
  | "geoAds"
  | "geoNotice"
  | "healthTips"
  | "reviews"
  | "taxRecords"
  | "delivery",
  string
>;
const inTenant = <T>(fn: (ctx: TenantContext) => Promise<T>) =>
  withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
type RefusalType =
  "objection" | "restriction" | "withdraw_consent" | "opt_out_sale_sharing" | "limit_sensitive";
const request = (type: RefusalType, customerId: string) =>
  inTenant((ctx) =>
    createRequest(ctx, {
      type,
      channel: "email",
      customerId,
      locale: "en",
      receivedAt: new Date("2026-11-20T02:00:00Z"),
      verifiedOn: "2026-11-20",
      identityMethod: "email_reply",
    }),
  );
const offered = async (customerId: string, type: RefusalType) =>
  (await withTenant(orgId, (tx) => refusablePurposes(tx, orgId, customerId, type))).map((p) => [
    p.code,
    p.refusal,
  ]);
const decision = async (customerId: string, code: string) =>
  (await withTenant(orgId, (tx) => consentStateOf(tx, orgId, customerId))).find(
    (p) => p.code === code,
  )!;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, employeeId] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "employee"),
  ];
  people.gdpr = (await newCustomer(orgId, "r-gdpr", "active", { laws: ["GDPR"] })).id;
  people.ccpa = (await newCustomer(orgId, "r-ccpa", "active", { laws: ["CCPA"] })).id;
  people.pipl = (await newCustomer(orgId, "r-pipl", "active", { laws: ["PIPL"] })).id;
  ids.marketing = (
    await newPurpose(orgId, {
      code: "marketing",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "consent" },
    })
  ).id;
  ids.analytics = (
    await newPurpose(orgId, {
      code: "analytics",
      bases: { PIPL: "consent", GDPR: "legitimate_interest", CCPA: "notice" },
    })
  ).id;
  ids.ads = (
    await newPurpose(orgId, {
      code: "ads",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
    })
  ).id;
  ids.orders = (
    await newPurpose(orgId, {
      code: "orders",
      bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
    })
  ).id;
  // Sensitive under CPRA (§1798.140(ae)): precise geolocation sold to ad partners, used on notice, and health on consent.
  ids.geoAds = (
    await newPurpose(orgId, {
      code: "geo_ads",
      bases: { PIPL: "consent", CCPA: "opt_out" },
      dataCategories: ["location", "device"],
    })
  ).id;
  ids.geoNotice = (
    await newPurpose(orgId, {
      code: "geo_delivery",
      bases: { PIPL: "contract", CCPA: "notice" },
      dataCategories: ["location"],
    })
  ).id;
  ids.healthTips = (
    await newPurpose(orgId, {
      code: "health_tips",
      bases: { PIPL: "consent", CCPA: "consent" },
      dataCategories: ["health"],
    })
  ).id;
  // PIPL-only purposes on bases that need no consent: what Art. 44 reaches and what it leaves.
  ids.reviews = (
    await newPurpose(orgId, { code: "public_reviews", bases: { PIPL: "disclosed_information" } })
  ).id;
  ids.taxRecords = (
    await newPurpose(orgId, { code: "tax_records", bases: { PIPL: "legal_obligation" } })
  ).id;
  ids.delivery = (
    await newPurpose(orgId, { code: "voucher_delivery", bases: { PIPL: "contract" } })
  ).id;
  await newPurpose(orgId, {
    code: "account",
    bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
    required: true,
  });
  people.ccpa2 = (await newCustomer(orgId, "r-ccpa2", "active", { laws: ["CCPA"] })).id;
  people.ccpa3 = (await newCustomer(orgId, "r-ccpa3", "active", { laws: ["CCPA"] })).id;
  await withTenant(orgId, (tx) =>
    recordConsentBatch(
      tx,
      orgId,
      [
        {
          customerId: people.gdpr,
          purposeId: ids.marketing,
          action: "grant",
          channel: "web",
          source: "customer",
          occurredAt: "2026-10-01T08:00:00Z",
        },
        {
          customerId: people.ccpa3,
          purposeId: ids.healthTips,
          action: "grant",
          channel: "web",
          source: "customer",
          occurredAt: "2026-10-01T08:00:00Z",
        },
      ],
      async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e)),
    ),
  );
});

describe("what an objection or a restriction reaches", () => {
  it("under GDPR: a granted consent (withdrawn) and legitimate interest (objected), never contract", async () => {
    expect(await offered(people.gdpr, "objection")).toEqual(
      [
        ["analytics", "deny"],
        ["marketing", "withdraw"],
      ].sort(),
    );
    expect(await offered(people.gdpr, "restriction")).toEqual(
      [
        ["analytics", "deny"],
        ["marketing", "withdraw"],
      ].sort(),
    );
    // Withdrawing consent reaches only what they consented to.
    expect(await offered(people.gdpr, "withdraw_consent")).toEqual([["marketing", "withdraw"]]);
  });
  it("under CCPA: an opt-out reaches sale and sharing they have not opted out of; under PIPL: only what they consented to", async () => {
    expect(await offered(people.ccpa, "opt_out_sale_sharing")).toEqual([
      ["ads", "deny"],
      ["geo_ads", "deny"],
    ]);
    expect(await offered(people.gdpr, "opt_out_sale_sharing")).toEqual([]);
  });
  it("under PIPL (Art. 44): what they consented to and what runs on contract or disclosed information, never a legal duty or a required purpose", async () => {
    const reached = [
      ["geo_delivery", "deny"],
      ["orders", "deny"],
      ["public_reviews", "deny"],
      ["voucher_delivery", "deny"],
    ];
    expect(await offered(people.pipl, "restriction")).toEqual(reached);
    expect(await offered(people.pipl, "objection")).toEqual(reached);
  });
});

describe("recording it", () => {
  it("records a GDPR objection as consent receipts: legitimate interest becomes objected, the consent withdrawn, on the timeline", async () => {
    const { id } = await request("objection", people.gdpr);
    expect((await decision(people.gdpr, "analytics")).allowed).toBe(true);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.analytics, ids.marketing]));
    expect(await decision(people.gdpr, "analytics")).toMatchObject({
      allowed: false,
      reason: "objected",
      status: "denied",
    });
    expect(await decision(people.gdpr, "marketing")).toMatchObject({
      allowed: false,
      status: "withdrawn",
    });
    const [step] = await withTenant(orgId, (tx) =>
      tx
        .select({ data: requestEvents.data })
        .from(requestEvents)
        .where(
          and(
            eq(requestEvents.orgId, orgId),
            eq(requestEvents.requestId, id),
            eq(requestEvents.kind, "fulfilment"),
          ),
        ),
    );
    expect(step.data).toMatchObject({ step: "objection_recorded", purposes: 2 });
    expect(await offered(people.gdpr, "objection")).toEqual([]);
  });

  it("records a CCPA opt-out of sale and sharing through the same path", async () => {
    const { id } = await request("opt_out_sale_sharing", people.ccpa);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.ads]));
    expect(await decision(people.ccpa, "ads")).toMatchObject({ allowed: false, status: "denied" });
    expect(await offered(people.ccpa, "opt_out_sale_sharing")).toEqual([["geo_ads", "deny"]]);
  });

  it("records a PIPL restriction: contract and disclosed information are then denied (Arts. 44, 27), a legal duty goes on", async () => {
    const customerId = (await newCustomer(orgId, "r-pipl2", "active", { laws: ["PIPL"] })).id;
    const { id } = await request("restriction", customerId);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.reviews, ids.delivery]));
    expect(await decision(customerId, "public_reviews")).toMatchObject({
      allowed: false,
      reason: "denied",
      law: "PIPL",
      article: "PIPL Art. 27",
    });
    expect(
      await withTenant(orgId, (tx) => checkConsent(tx, orgId, "r-pipl2", "voucher_delivery")),
    ).toMatchObject({ allowed: false, reason: "denied", article: "PIPL Art. 44" });
    expect(await decision(customerId, "tax_records")).toMatchObject({
      allowed: true,
      reason: "not_required_consent",
    });
  });

  it("refuses a purpose the request cannot reach, and people who cannot handle requests, writing nothing", async () => {
    const { id } = await request("restriction", people.pipl);
    const receipts = async () =>
      (
        await withTenant(orgId, (tx) =>
          tx.select().from(consentEvents).where(eq(consentEvents.orgId, orgId)),
        )
      ).length;
    const [before, audits] = [await receipts(), (await auditOf(orgId)).length];
    await actAs(officerId, orgId);
    expect(
      await withdrawConsentAction(
        { status: "idle" },
        form({ requestId: id, purposeIds: [ids.taxRecords] }),
      ),
    ).toMatchObject({ status: "error", fieldErrors: { purposeIds: expect.any(String) } });
    await actAs(employeeId, orgId);
    expect(
      await withdrawConsentAction(
        { status: "idle" },
        form({ requestId: id, purposeIds: [ids.marketing] }),
      ),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await receipts()).toBe(before);
    expect((await auditOf(orgId)).length).toBe(audits);
  });
});

// CCPA §§1798.120, 1798.121; 11 CCR §§7026, 7027: an opt-out or a limitation is complied with in
// full when the request is completed, so the check answers "denied" from then on.
describe("completing a CCPA opt-out or limitation", () => {
  const check = (ref: string, code: string) =>
    withTenant(orgId, (tx) => checkConsent(tx, orgId, ref, code));
  const complete = (id: string) => inTenant((ctx) => completeFulfilledRequest(ctx, id));

  it("records the opt-out of every sale and sharing purpose it still reaches, audited, on the requester's timeline", async () => {
    expect(await check("r-ccpa2", "ads")).toMatchObject({ allowed: true, reason: "not_opted_out" });
    const { id } = await request("opt_out_sale_sharing", people.ccpa2);
    const audits = (await auditOf(orgId)).length;
    await complete(id);
    expect(await check("r-ccpa2", "ads")).toMatchObject({
      allowed: false,
      reason: "denied",
      law: "CCPA",
      article: "CCPA §1798.120(a)",
    });
    expect(await check("r-ccpa2", "geo_ads")).toMatchObject({ allowed: false, reason: "denied" });
    // Notice-based processing is not sale or sharing: untouched.
    expect(await check("r-ccpa2", "geo_delivery")).toMatchObject({ allowed: true });
    const actions = (await auditOf(orgId)).slice(audits).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["consent.batch_recorded", "request.completed"]),
    );
    const steps = await withTenant(orgId, (tx) =>
      tx
        .select({ data: requestEvents.data, visible: requestEvents.visibleToRequester })
        .from(requestEvents)
        .where(
          and(
            eq(requestEvents.orgId, orgId),
            eq(requestEvents.requestId, id),
            eq(requestEvents.kind, "fulfilment"),
          ),
        ),
    );
    expect(steps).toEqual([
      { data: expect.objectContaining({ step: "opt_out_recorded", purposes: 2 }), visible: true },
    ]);
  });

  it("records a limit on sensitive information for the sensitive purposes the customer could refuse, leaving notice-based uses and the rest", async () => {
    expect(await offered(people.ccpa3, "limit_sensitive")).toEqual([
      ["geo_ads", "deny"],
      ["health_tips", "withdraw"],
    ]);
    const { id } = await request("limit_sensitive", people.ccpa3);
    await complete(id);
    expect(await check("r-ccpa3", "geo_ads")).toMatchObject({ allowed: false, reason: "denied" });
    expect(await check("r-ccpa3", "health_tips")).toMatchObject({
      allowed: false,
      reason: "withdrawn",
    });
    expect(await check("r-ccpa3", "geo_delivery")).toMatchObject({
      allowed: true,
      reason: "not_required_consent",
    });
    expect(await check("r-ccpa3", "ads")).toMatchObject({ allowed: true, reason: "not_opted_out" });
    expect(await offered(people.ccpa3, "limit_sensitive")).toEqual([]);
  });

  it("records nothing more when staff recorded it already", async () => {
    const customerId = (await newCustomer(orgId, "r-ccpa4", "active", { laws: ["CCPA"] })).id;
    const { id } = await request("opt_out_sale_sharing", customerId);
    await inTenant((ctx) => recordRefusals(ctx, id, [ids.ads, ids.geoAds]));
    const receipts = async () =>
      (
        await withTenant(orgId, (tx) =>
          tx.select().from(consentEvents).where(eq(consentEvents.orgId, orgId)),
        )
      ).length;
    const before = await receipts();
    await complete(id);
    expect(await receipts()).toBe(before);
    expect(await check("r-ccpa4", "ads")).toMatchObject({ allowed: false, reason: "denied" });
  });

  // The request's effect is "do not sell or share" (§1798.120(d): no sale or sharing after the
  // direction "unless the consumer subsequently provides consent"), not the purposes listed on the
  // day it was completed: a sale or sharing purpose created afterwards is opted out too.
  it("opts the customer out of a sale or sharing purpose created after their completed request, until they opt in to it", async () => {
    const customerId = (await newCustomer(orgId, "r-ccpa5", "active", { laws: ["CCPA"] })).id;
    const { id } = await request("opt_out_sale_sharing", customerId);
    await complete(id);
    const later = await newPurpose(orgId, {
      code: "later_ads",
      bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
    });
    const optedOut = {
      allowed: false,
      reason: "opted_out",
      law: "CCPA",
      article: "CCPA §1798.120(d)",
    };
    expect(await check("r-ccpa5", "later_ads")).toMatchObject(optedOut);
    expect(await decision(customerId, "later_ads")).toMatchObject(optedOut);
    // Another Californian who never opted out: allowed until they do.
    await newCustomer(orgId, "r-ccpa6", "active", { laws: ["CCPA"] });
    expect(await check("r-ccpa6", "later_ads")).toMatchObject({
      allowed: true,
      reason: "not_opted_out",
    });
    // Notice-based processing is not sale or sharing.
    expect(await check("r-ccpa5", "geo_delivery")).toMatchObject({ allowed: true });
    await withTenant(orgId, (tx) =>
      recordConsentBatch(
        tx,
        orgId,
        [
          {
            customerId,
            purposeId: later.id,
            action: "grant",
            channel: "web",
            source: "customer",
            occurredAt: new Date().toISOString(),
          },
        ],
        async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e)),
      ),
    );
    expect(await check("r-ccpa5", "later_ads")).toMatchObject({ allowed: true, reason: "granted" });
    // A new opt-out request governs again, whatever they granted before it.
    const again = await request("opt_out_sale_sharing", customerId);
    await complete(again.id);
    expect(await check("r-ccpa5", "later_ads")).toMatchObject({ allowed: false });
  });

  // §1798.121(b): after a direction to limit, sensitive information is not used beyond what
  // §1798.121(a) allows "unless the consumer subsequently provides consent": a purpose using it
  // created after the request is reached too.
  it("limits a sensitive purpose created after the customer's completed limitation, until they consent to it", async () => {
    const customerId = (await newCustomer(orgId, "r-ccpa7", "active", { laws: ["CCPA"] })).id;
    const { id } = await request("limit_sensitive", customerId);
    await complete(id);
    const laterGeo = await newPurpose(orgId, {
      code: "later_geo_ads",
      bases: { PIPL: "consent", CCPA: "opt_out" },
      dataCategories: ["location"],
    });
    await newPurpose(orgId, {
      code: "later_geo_delivery",
      bases: { PIPL: "contract", CCPA: "notice" },
      dataCategories: ["location"],
    });
    const limited = {
      allowed: false,
      reason: "limited",
      law: "CCPA",
      article: "CCPA §1798.121(b)",
    };
    expect(await check("r-ccpa7", "later_geo_ads")).toMatchObject(limited);
    expect(await decision(customerId, "later_geo_ads")).toMatchObject(limited);
    // A use on notice goes on (§7027(m)); a sale of non-sensitive information is not limited.
    expect(await check("r-ccpa7", "later_geo_delivery")).toMatchObject({ allowed: true });
    expect(await check("r-ccpa7", "later_ads")).toMatchObject({
      allowed: true,
      reason: "not_opted_out",
    });
    await withTenant(orgId, (tx) =>
      recordConsentBatch(
        tx,
        orgId,
        [
          {
            customerId,
            purposeId: laterGeo.id,
            action: "grant",
            channel: "web",
            source: "customer",
            occurredAt: new Date().toISOString(),
          },
        ],
        async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e)),
      ),
    );
    expect(await check("r-ccpa7", "later_geo_ads")).toMatchObject({
      allowed: true,
      reason: "granted",
    });
  });
});
