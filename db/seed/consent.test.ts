import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  consentBatches,
  consentEvents,
  consentState,
  customers,
  purposes,
} from "@/db/schema";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import { withTenant } from "@/db/tenant";
import { createMember, createOrg } from "@/tests/factories";
import { seedConsent } from "./consent";
import { seedVault } from "./vault";

afterAll(closeAppDb);

const system = { type: "system", id: "seed" } as const;
const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
let orgId: string;
let result: { events: number; batches: number };

// A catalogue shaped like the purposes seed's: codes differ in detail, kinds and flags matter.
const consent: PurposeBases = { PIPL: "consent", GDPR: "consent", CCPA: "consent" };
const catalogue: Array<[string, ConsentKind, Partial<typeof purposes.$inferInsert>]> = [
  [
    "account",
    "standard",
    { required: true, bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" } },
  ],
  ["marketing_sms", "standard", {}],
  ["recommendations", "standard", {}],
  ["location", "separate", { sensitive: true }],
  ["data_sale_share", "separate", { bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" } }],
  ["cross_border_storage", "separate", { crossBorderDestination: "SG" }],
];

beforeAll(async () => {
  ({ orgId } = await createOrg());
  await createMember(orgId, "privacy_officer");
  result = await withTenant(orgId, async (tx) => {
    await seedVault(tx, orgId, "full", system);
    await tx.insert(purposes).values(
      catalogue.map(([code, consentKind, extra]) => ({
        orgId,
        code,
        consentKind,
        bases: consent,
        name: text(code, code),
        description: text(`${code} 说明`, `${code} notice`),
        ...extra,
      })),
    );
    return seedConsent(tx, orgId, "full", system, new Date("2026-11-29T04:00:00Z"));
  });
});

const count = async (query: ReturnType<typeof sql>) =>
  withTenant(orgId, async (tx) => Number((await tx.execute<{ n: string }>(query)).rows[0].n));

describe("demo consent receipts", () => {
  it("writes a few thousand receipts at most, in batches each with its Merkle root in the audit chain", async () => {
    expect(result.events).toBeGreaterThan(1_000);
    expect(result.events).toBeLessThan(5_000);
    expect(await count(sql`select count(*) as n from consent_events where org_id = ${orgId}`)).toBe(
      result.events,
    );
    const batches = await withTenant(orgId, (tx) =>
      tx.select().from(consentBatches).where(eq(consentBatches.orgId, orgId)),
    );
    expect(batches).toHaveLength(result.batches);
    expect(
      batches.every(
        (b) => /^[0-9a-f]{64}$/.test(b.merkleRoot) && b.auditSeq !== null && b.eventCount <= 500,
      ),
    ).toBe(true);
    const anchors = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.batch_recorded"))),
    );
    expect(anchors).toHaveLength(batches.length);
  });

  it("spreads decisions over the last ~120 days and never records a required purpose", async () => {
    const span = await withTenant(
      orgId,
      async (tx) =>
        (
          await tx.execute<{ oldest: string; newest: string }>(sql`
      select min(occurred_at) as oldest, max(occurred_at) as newest from consent_events where org_id = ${orgId}`)
        ).rows[0],
    );
    expect(new Date(span.oldest).getTime()).toBeGreaterThanOrEqual(
      new Date("2026-07-30T00:00:00Z").getTime(),
    );
    expect(new Date(span.newest).getTime()).toBeLessThanOrEqual(
      new Date("2026-11-29T04:00:00Z").getTime(),
    );
    expect(
      await count(sql`select count(*) as n from consent_events e join purposes p on p.org_id = e.org_id and p.id = e.purpose_id
      where e.org_id = ${orgId} and p.required`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from consent_events where org_id = ${orgId} and action = 'withdraw' and not gpc`,
      ),
    ).toBeGreaterThan(10);
  });

  it("gives u-10001 every optional purpose granted, and u-30001 GPC opt-outs", async () => {
    const stateOf = (ref: string) =>
      withTenant(orgId, (tx) =>
        tx
          .select({ code: purposes.code, status: consentState.status, gpc: consentState.gpc })
          .from(consentState)
          .innerJoin(
            customers,
            and(eq(customers.orgId, consentState.orgId), eq(customers.id, consentState.customerId)),
          )
          .innerJoin(
            purposes,
            and(eq(purposes.orgId, consentState.orgId), eq(purposes.id, consentState.purposeId)),
          )
          .where(and(eq(consentState.orgId, orgId), eq(customers.externalRef, ref))),
      );
    const zhang = await stateOf("u-10001");
    expect(zhang.map((s) => s.code)).toEqual(
      expect.arrayContaining(["location", "marketing_sms", "recommendations"]),
    );
    expect(zhang.some((s) => s.code === "cross_border_storage" || s.code === "account")).toBe(
      false,
    );
    expect(zhang.find((s) => s.code === "marketing_sms")?.status).toBe("granted");
    expect(zhang.every((s) => s.status === "granted")).toBe(true);
    const olivia = await stateOf("u-30001");
    expect(olivia.find((s) => s.code === "data_sale_share")).toMatchObject({
      status: "withdrawn",
      gpc: true,
    });
    expect(olivia.some((s) => s.code === "cross_border_storage")).toBe(true);
  });

  it("includes staff entries with a reason, each audited as recorded by staff", async () => {
    const staff = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.source, "staff"))),
    );
    expect(staff).toHaveLength(5);
    expect(staff.every((e) => e.staffUserId && (e.staffReason ?? "").length >= 10)).toBe(true);
    const audited = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.recorded_by_staff")),
        ),
    );
    expect(audited).toHaveLength(5);
    expect(JSON.stringify(audited)).not.toContain("客户");
  });

  it("does nothing without a purpose catalogue", async () => {
    const other = await createOrg();
    expect(
      await withTenant(other.orgId, (tx) => seedConsent(tx, other.orgId, "few", system)),
    ).toEqual({ events: 0, batches: 0 });
  });
});
