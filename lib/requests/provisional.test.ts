import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { messageOutbox } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { upsertCustomers } from "@/lib/customers/commands";
import { messageContext } from "@/lib/outbox/seal";
import { createMember, createOrg } from "@/tests/factories";
import { saveCalendarYear } from "./calendar-admin";
import { createRequest } from "./commands";
import { notifyRequester } from "./notify";
import { provisionalDueDates } from "./overview";
import { trackingView } from "./requester/track";
import { getRequest } from "./queries";
import { requestQueue } from "./queue";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let customerId: string;
const inTenant = <T>(fn: (ctx: TenantContext) => Promise<T>) =>
  withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
const request = (receivedOn: string, type: "access" | "rectification") =>
  inTenant((ctx) =>
    createRequest(ctx, {
      type,
      channel: "phone",
      customerId,
      locale: "zh-CN",
      receivedAt: new Date(`${receivedOn}T12:00:00Z`),
      verifiedOn: receivedOn,
      identityMethod: "phone_callback",
    }),
  );

beforeAll(async () => {
  ({ orgId } = await createOrg()); // starts with the published 2026 calendar only
  officerId = await createMember(orgId, "privacy_officer");
  [customerId] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        {
          externalRef: "p-1",
          displayName: "张三",
          email: "zhangsan@example.com",
          laws: ["PIPL"],
          region: "CN-SH",
        },
      ])
    ).map((r) => r.id),
  );
});

describe("a PIPL due date that reaches a year with no published calendar", () => {
  let late: { id: string; token: string };
  let early: { id: string };

  beforeAll(async () => {
    late = await request("2026-12-21", "access"); // 15 working days reach into January 2027
    early = await request("2026-06-01", "rectification");
  });

  it("is provisional on the request page, in the queue and on the overview; a 2026 one is not", async () => {
    const detail = await withTenant(orgId, (tx) => getRequest(tx, orgId, late.id, "2026-12-21"));
    // 22–25 and 28–31 Dec (8); 1 Jan 2027 is a statutory holiday; Sat 2 and Sun 3 Jan may be make-up
    // days (the credit of two: 10); 4–8 Jan (15).
    expect(detail?.clock).toMatchObject({ provisional: true, dueOn: "2027-01-08" });
    expect(
      (await withTenant(orgId, (tx) => getRequest(tx, orgId, early.id, "2026-06-01")))?.clock
        .provisional,
    ).toBe(false);

    const { rows } = await withTenant(orgId, (tx) =>
      requestQueue(tx, orgId, officerId, { status: "open" }, { today: "2026-12-21" }),
    );
    expect(rows.find((r) => r.id === late.id)?.provisional).toBe(true);
    expect(rows.find((r) => r.id === early.id)?.provisional).toBe(false);
    expect(await withTenant(orgId, (tx) => provisionalDueDates(tx, orgId))).toEqual({
      count: 1,
      years: [2027],
    });
  });

  it("is called provisional (暂定) on the requester's tracking page and in their notice", async () => {
    expect((await trackingView(orgId, late.token, "zh-CN"))?.dueProvisional).toBe(true);
    const message = await withTenant(orgId, (tx) =>
      notifyRequester(tx, orgId, late.id, "verified"),
    );
    const body = await withTenant(orgId, async (tx) => {
      const [row] = await tx.select().from(messageOutbox).where(eq(messageOutbox.id, message!.id));
      return decryptField(
        await existingDataKey(tx, orgId, customerId),
        row.bodyEnc,
        messageContext(orgId, row.id, "body"),
      );
    });
    expect(body).toContain("2027-01-08（暂定");
  });

  it("becomes exact, and never earlier than the provisional date, once the year is entered", async () => {
    await inTenant((ctx) =>
      saveCalendarYear(
        ctx,
        {
          year: 2027,
          source: "test",
          makeupWorkdays: [],
          holidays: [{ name: "元旦 New Year's Day", from: "2027-01-01", to: "2027-01-03" }],
        },
        { adding: true },
      ),
    );
    const detail = await withTenant(orgId, (tx) => getRequest(tx, orgId, late.id, "2026-12-21"));
    expect(detail?.clock).toMatchObject({ provisional: false, dueOn: "2027-01-12" });
    expect((await trackingView(orgId, late.token, "zh-CN"))?.dueProvisional).toBe(false);
    expect(await withTenant(orgId, (tx) => provisionalDueDates(tx, orgId))).toEqual({
      count: 0,
      years: [],
    });
  });
});
