import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConsentAction } from "@/app/(console)/customers/[id]/consent/actions";
import { closeAppDb } from "@/db/client";
import { auditEvents, consentEvents, consentState } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { actAs, form } from "@/tests/factories";
import { consoleFixture } from "./console-test-support";
import { fieldErrorsOf } from "@/tests/action-outcome";

afterAll(closeAppDb);

let f: Awaited<ReturnType<typeof consoleFixture>>;
beforeAll(async () => {
  f = await consoleFixture();
});

const REASON = "客户致电客服热线要求停止营销短信，已核实身份";
const submit = (values: Record<string, string>) =>
  recordConsentAction(
    idle,
    form({
      customerId: f.customers[0],
      purposeId: f.marketing,
      action: "withdraw",
      channel: "sms",
      reason: REASON,
      ...values,
    }),
  );
const eventsOf = () =>
  withTenant(f.orgId, (tx) =>
    tx.select().from(consentEvents).where(eq(consentEvents.orgId, f.orgId)),
  );

describe("recording consent on a customer's behalf", () => {
  it("writes a staff receipt with the reason, updates the state, and audits purpose and action but not the reason", async () => {
    await actAs(f.officerId, f.orgId);
    const state = await submit({});
    expect(state).toMatchObject({ status: "ok", message: "consent.record.done" });
    const [event] = await eventsOf();
    expect(event).toMatchObject({
      source: "staff",
      staffUserId: f.officerId,
      staffReason: REASON,
      action: "withdraw",
      channel: "sms",
      customerId: f.customers[0],
    });
    const [current] = await withTenant(f.orgId, (tx) =>
      tx
        .select()
        .from(consentState)
        .where(and(eq(consentState.orgId, f.orgId), eq(consentState.customerId, f.customers[0]))),
    );
    expect(current).toMatchObject({ status: "withdrawn", eventId: event.id });
    const audit = await withTenant(f.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.orgId, f.orgId))
        .orderBy(asc(auditEvents.seq)),
    );
    const tail = audit.slice(-2);
    expect(tail.map((e) => e.action)).toEqual([
      "consent.batch_recorded",
      "consent.recorded_by_staff",
    ]);
    expect(tail[1]).toMatchObject({
      actorId: f.officerId,
      targetType: "customer",
      targetId: f.customers[0],
      details: { purpose: "marketing_sms", consentAction: "withdraw", receiptId: event.id },
    });
    expect(JSON.stringify(audit)).not.toContain("客户致电");
  });

  it.each([
    ["a reason under 10 characters", { reason: "太短了" }, "reason", "errors.tooShort"],
    ["an unknown action", { action: "maybe" }, "action", "errors.choice"],
    ["the API channel", { channel: "api" }, "channel", "errors.choice"],
  ])("refuses %s and writes nothing", async (_, values, field, message) => {
    await actAs(f.officerId, f.orgId);
    const before = (await eventsOf()).length;
    const state = await submit(values);
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect(await eventsOf()).toHaveLength(before);
  });

  it("refuses a required purpose and an unknown customer", async () => {
    await actAs(f.officerId, f.orgId);
    const before = (await eventsOf()).length;
    expect(fieldErrorsOf(await submit({ purposeId: f.account }))?.purposeId).toBe("errors.choice");
    expect(await submit({ customerId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await eventsOf()).toHaveLength(before);
  });

  it("is refused to an employee, who can read consent but not record it", async () => {
    await actAs(f.employeeId, f.orgId);
    const before = (await eventsOf()).length;
    expect(await submit({})).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await eventsOf()).toHaveLength(before);
  });
});
