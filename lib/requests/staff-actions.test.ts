import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestAction } from "@/app/(console)/requests/new/actions";
import {
  assignRequestAction,
  extendRequestAction,
  moveRequestAction,
  rejectRequestAction,
} from "@/app/(console)/requests/[id]/actions";
import { closeAppDb } from "@/db/client";
import { auditEvents, dataSubjectRequests, messageOutbox, requestEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { upsertCustomers } from "@/lib/customers/commands";
import { actAs, createMember, form, orgWithOfficer } from "@/tests/factories";
import { requestTimeline } from "./queries";
import { openRequestText } from "./sealed-text";

// The console's server actions end to end (permission → validation → command → audit → outbox).
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
let customerId: string;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  employeeId = await createMember(orgId, "employee");
  [customerId] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        { externalRef: "sa-1", email: "sa1@example.com", laws: ["PIPL"], region: "CN-ZJ" },
      ])
    ).map((r) => r.id),
  );
});

const intake = () => ({
  customerId,
  type: "erasure",
  channel: "phone",
  receivedOn: "2026-02-12",
  identityMethod: "phone_callback",
  verifiedOn: "2026-02-12",
  locale: "zh-CN",
});

describe("staff request actions", () => {
  it("lets an employee enter a request (token returned once, requester notified) but not process it", async () => {
    await actAs(employeeId, orgId);
    const created = await createRequestAction({ status: "idle" }, form(intake()));
    expect(created.status).toBe("ok");
    const data = (created as { data: { id: string; token: string; notified: boolean } }).data;
    expect(data.token.length).toBeGreaterThanOrEqual(43);
    expect(data.notified).toBe(true);
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, data.id)),
    );
    expect(row).toMatchObject({
      status: "verified",
      law: "PIPL",
      dueOn: "2026-03-11",
      channel: "phone",
      createdBy: employeeId,
    });
    expect(
      await moveRequestAction({ status: "idle" }, form({ id: data.id, to: "in_progress" })),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
  });

  it("refuses assigning someone who cannot handle requests, and extending a PIPL deadline", async () => {
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, customerId)),
    );
    await actAs(officerId, orgId);
    expect(
      await assignRequestAction({ status: "idle" }, form({ id: row.id, assigneeId: employeeId })),
    ).toMatchObject({ status: "error", fieldErrors: { assigneeId: "errors.choice" } });
    expect(
      await assignRequestAction({ status: "idle" }, form({ id: row.id, assigneeId: officerId })),
    ).toMatchObject({ status: "ok" });
    expect(
      await extendRequestAction({ status: "idle" }, form({ id: row.id, reason: "Many records" })),
    ).toMatchObject({ status: "error", message: "errors.conflict" });
  });

  it("rejects with a reason, telling a PIPL requester they may complain or sue, audited without the text", async () => {
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, customerId)),
    );
    await actAs(officerId, orgId);
    expect(
      await rejectRequestAction({ status: "idle" }, form({ id: row.id, reason: " " })),
    ).toMatchObject({ status: "error", fieldErrors: { reason: expect.any(String) } });
    expect(
      await rejectRequestAction(
        { status: "idle" },
        form({ id: row.id, reason: "该订单数据依法需保留至争议处理完毕" }),
      ),
    ).toMatchObject({ status: "ok" });

    const events = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(requestEvents)
        .where(
          and(eq(requestEvents.requestId, row.id), eq(requestEvents.kind, "message_to_requester")),
        ),
    );
    expect(events).toHaveLength(1);
    expect(events[0].visibleToRequester).toBe(true);
    const text = await withTenant(orgId, (tx) =>
      openRequestText(tx, orgId, events[0].id, events[0].bodyEnc!),
    );
    expect(text).toContain("该订单数据依法需保留至争议处理完毕");
    expect(text).toContain("人民法院提起诉讼");

    const outbox = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(messageOutbox)
        .where(eq(messageOutbox.customerId, customerId))
        .orderBy(asc(messageOutbox.createdAt)),
    );
    expect(outbox.map((m) => m.template)).toEqual(["request.verified", "request.rejected"]);

    const audit = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, row.id))
        .orderBy(asc(auditEvents.seq)),
    );
    expect(audit.map((e) => e.action)).toEqual([
      "request.created",
      "request.assigned",
      "request.rejected",
      "request.message_sent",
    ]);
    expect(JSON.stringify(audit)).not.toContain("争议");

    // The timeline, newest first: texts open only for handlers; the assignment names its person.
    const handler = await withTenant(orgId, (tx) => requestTimeline(tx, orgId, row.id, true));
    expect(handler[0].kind).toBe("message_to_requester");
    expect(handler[0].text).toContain("该订单数据");
    expect(handler.find((e) => e.kind === "assigned")?.assigneeName).toEqual(expect.any(String));
    const reader = await withTenant(orgId, (tx) => requestTimeline(tx, orgId, row.id, false));
    expect(reader.every((e) => e.text === null)).toBe(true);
  });
});
