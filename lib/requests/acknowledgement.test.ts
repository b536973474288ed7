import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeRequestAction } from "@/app/(console)/requests/[id]/actions";
import { closeAppDb } from "@/db/client";
import { dataSubjectRequests, requestEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { tenantContext } from "@/lib/core/tenancy/context";
import { upsertCustomers } from "@/lib/customers/commands";
import { auditOf } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { createRequest } from "./commands";
import { notifyRequester } from "./notify";
import { acknowledgementsToRecord } from "./tasks";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
let unreachable: string;
let reachable: string;
const row = async (id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(dataSubjectRequests)
        .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, id))),
    )
  )[0];
const newRequest = (customerId: string) =>
  withTenant(orgId, async (tx) => {
    const { id } = await createRequest(tenantContext(tx, orgId, { type: "user", id: officerId }), {
      type: "access",
      channel: "letter",
      customerId,
      locale: "en",
      receivedAt: new Date("2026-11-02T12:00:00Z"),
      verifiedOn: null,
      identityMethod: null,
    });
    await notifyRequester(tx, orgId, id, "received");
    return id;
  });
const tasksOf = (userId: string, role: "privacy_officer" | "employee") =>
  withTenant(orgId, (tx) => acknowledgementsToRecord(tx, orgId, { userId, role }));

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, employeeId] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "employee"),
  ];
  [unreachable, reachable] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        { externalRef: "ack-1", displayName: "Pat Doe", laws: ["CCPA"], region: "US-CA" },
        { externalRef: "ack-2", email: "ack2@example.com", laws: ["CCPA"], region: "US-CA" },
      ])
    ).map((r) => r.id),
  );
});

describe("acknowledging a request no notice can reach", () => {
  let id: string;
  let notifiedId: string;
  beforeAll(async () => {
    id = await newRequest(unreachable);
    notifiedId = await newRequest(reachable);
  });

  it("still has an acknowledgement due date, and becomes a task for the people who handle requests", async () => {
    expect(await row(id)).toMatchObject({ acknowledgeBy: "2026-11-16", acknowledgedAt: null });
    expect((await row(notifiedId)).acknowledgedAt).not.toBeNull(); // the received notice acknowledged it
    expect((await tasksOf(officerId, "privacy_officer")).map((t) => t.id)).toEqual([id]);
    expect(await tasksOf(employeeId, "employee")).toEqual([]);
  });

  it("refuses a channel it does not know and people who cannot handle requests, writing nothing", async () => {
    const before = (await auditOf(orgId)).length;
    await actAs(officerId, orgId);
    expect(
      await acknowledgeRequestAction({ status: "idle" }, form({ id, channel: "pigeon" })),
    ).toMatchObject({ status: "error", fieldErrors: { channel: expect.any(String) } });
    await actAs(employeeId, orgId);
    expect(
      await acknowledgeRequestAction({ status: "idle" }, form({ id, channel: "phone" })),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect((await row(id)).acknowledgedAt).toBeNull();
    expect((await auditOf(orgId)).length).toBe(before);
  });

  it("records the acknowledgement once, on the timeline and audited with the channel only, and the task ends", async () => {
    await actAs(officerId, orgId);
    expect(
      await acknowledgeRequestAction({ status: "idle" }, form({ id, channel: "phone" })),
    ).toMatchObject({ status: "ok" });
    expect((await row(id)).acknowledgedAt).not.toBeNull();
    const events = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(requestEvents)
        .where(
          and(
            eq(requestEvents.orgId, orgId),
            eq(requestEvents.requestId, id),
            eq(requestEvents.kind, "acknowledged"),
          ),
        ),
    );
    expect(events).toMatchObject([{ data: { channel: "phone" }, actorUserId: officerId }]);
    expect((await auditOf(orgId)).at(-1)).toMatchObject({
      action: "request.acknowledged",
      targetId: id,
      details: { channel: "phone" },
    });
    expect(await tasksOf(officerId, "privacy_officer")).toEqual([]);
    expect(
      await acknowledgeRequestAction({ status: "idle" }, form({ id, channel: "letter" })),
    ).toMatchObject({ status: "error", message: "errors.conflict" });
  });
});
