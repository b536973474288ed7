import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, dataSubjectRequests, requestEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { destroyDataKey } from "@/lib/core/crypto/data-keys";
import { upsertCustomers } from "@/lib/customers/commands";
import { orgWithOfficer } from "@/tests/factories";
import {
  addRequestText,
  createRequest,
  extendRequest,
  moveRequest,
  verifyIdentity,
} from "./commands";
import { openRequestText } from "./sealed-text";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let piplCustomer: string;
let gdprCustomer: string;

function inTenant<T>(fn: (ctx: TenantContext) => Promise<T>): Promise<T> {
  return withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
}
const requestRow = (id: string) =>
  withTenant(
    orgId,
    async (tx) =>
      (await tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)))[0],
  );

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [piplCustomer, gdprCustomer] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        { externalRef: "dsr-1", phone: "+8613800138001", laws: ["PIPL"], region: "CN-BJ" },
        { externalRef: "dsr-2", email: "dsr2@example.com", laws: [], region: "DE" },
      ])
    ).map((r) => r.id),
  );
});

describe("data-subject requests", () => {
  it("dates a PIPL request entered as verified on 12 Feb 2026 on the PRC working-day calendar", async () => {
    const created = await inTenant((ctx) =>
      createRequest(ctx, {
        type: "access",
        channel: "phone",
        customerId: piplCustomer,
        locale: "zh-CN",
        receivedAt: new Date("2026-02-12T12:00:00Z"),
        verifiedOn: "2026-02-12",
        identityMethod: "phone_callback",
      }),
    );
    expect(created.reference).toMatch(/^R-2026-\d{6}$/);
    expect(created.token.length).toBeGreaterThanOrEqual(43);
    const row = await requestRow(created.id);
    expect(row).toMatchObject({ law: "PIPL", status: "verified", dueOn: "2026-03-11" });
    expect(row.trackingTokenHash).not.toContain(created.token);
  });

  it("links a second open request of the same type as a duplicate and closes it", async () => {
    const second = await inTenant((ctx) =>
      createRequest(ctx, {
        type: "access",
        channel: "portal",
        customerId: piplCustomer,
        locale: "zh-CN",
        receivedAt: new Date("2026-02-13T12:00:00Z"),
        verifiedOn: "2026-02-13",
        identityMethod: "portal_code",
      }),
    );
    expect(second.duplicateOf).not.toBeNull();
    expect(await requestRow(second.id)).toMatchObject({
      status: "completed",
      duplicateOfId: second.duplicateOf,
    });
  });

  it("pauses while waiting for the requester, resumes, and moves the due date by the paused working days", async () => {
    const { id } = await inTenant((ctx) =>
      createRequest(ctx, {
        type: "erasure",
        channel: "email",
        customerId: piplCustomer,
        locale: "zh-CN",
        receivedAt: new Date("2026-03-02T12:00:00Z"),
        verifiedOn: "2026-03-02",
        identityMethod: "email_reply",
      }),
    );
    expect((await requestRow(id)).dueOn).toBe("2026-03-23");
    await inTenant((ctx) => moveRequest(ctx, id, "in_progress", { today: "2026-03-04" }));
    await inTenant((ctx) => moveRequest(ctx, id, "awaiting_requester", { today: "2026-03-05" }));
    await inTenant((ctx) => moveRequest(ctx, id, "in_progress", { today: "2026-03-10" }));
    expect(await requestRow(id)).toMatchObject({
      status: "in_progress",
      pausedSince: null,
      dueOn: "2026-03-26",
    });
    await expect(
      inTenant((ctx) => moveRequest(ctx, id, "rejected", { reason: " " })),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(inTenant((ctx) => moveRequest(ctx, id, "verified"))).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("starts a GDPR clock at receipt and extends it once, only within the first month", async () => {
    const { id } = await inTenant((ctx) =>
      createRequest(ctx, {
        type: "portability",
        channel: "email",
        customerId: gdprCustomer,
        locale: "en",
        receivedAt: new Date("2026-01-31T12:00:00Z"),
        verifiedOn: null,
        identityMethod: null,
      }),
    );
    expect(await requestRow(id)).toMatchObject({
      law: "GDPR",
      status: "awaiting_identity",
      dueOn: "2026-02-28",
    });
    await inTenant((ctx) => verifyIdentity(ctx, id, "email_reply", "2026-02-02"));
    await expect(
      inTenant((ctx) => extendRequest(ctx, id, "Large volume of records", "2026-03-01")),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(
      await inTenant((ctx) => extendRequest(ctx, id, "Large volume of records", "2026-02-20")),
    ).toBe("2026-04-30");
    await expect(
      inTenant((ctx) => extendRequest(ctx, id, "Again", "2026-02-21")),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("seals notes under the customer's data key, audits without the text, and loses them when the customer is erased", async () => {
    const { id } = await inTenant((ctx) =>
      createRequest(ctx, {
        type: "question",
        channel: "letter",
        customerId: gdprCustomer,
        locale: "en",
        receivedAt: new Date("2026-04-01T12:00:00Z"),
        verifiedOn: "2026-04-01",
        identityMethod: "id_document",
      }),
    );
    const eventId = await inTenant((ctx) =>
      addRequestText(ctx, id, "note", "Called back on her mobile"),
    );
    const [stored] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(requestEvents)
        .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.id, eventId))),
    );
    expect(stored.bodyEnc!.toString("latin1")).not.toContain("mobile");
    expect(
      await withTenant(orgId, (tx) => openRequestText(tx, orgId, eventId, stored.bodyEnc!)),
    ).toBe("Called back on her mobile");
    const audit = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, id))
        .orderBy(asc(auditEvents.seq)),
    );
    expect(audit.map((e) => e.action)).toEqual(["request.created", "request.note_added"]);
    expect(JSON.stringify(audit)).not.toContain("mobile");
    await withTenant(orgId, (tx) => destroyDataKey(tx, orgId, gdprCustomer));
    expect(
      await withTenant(orgId, (tx) => openRequestText(tx, orgId, eventId, stored.bodyEnc!)),
    ).toBeNull();
  });
});
