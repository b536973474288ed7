import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messageRequesterAction, moveRequestAction } from "@/app/(console)/requests/[id]/actions";
import {
  buildPackageAction,
  eraseCustomerAction,
  proposeRectificationAction,
  vendorTaskAction,
} from "@/app/(console)/requests/[id]/fulfilment/actions";
import { closeAppDb } from "@/db/client";
import { auditEvents, purposes, requestExports } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { enqueue } from "@/lib/core/jobs/worker";
import { newPurpose } from "@/lib/consent/test-support";
import { upsertCustomers } from "@/lib/customers/commands";
import { insertVendor } from "@/lib/vendors/test-support";
import { actAs, createMember, form, orgWithOfficer } from "@/tests/factories";
import { createRequest } from "../commands";
import { vendorTasksOf } from "./erasure";
import { tenantContext } from "@/lib/core/tenancy/context";

vi.mock("@/lib/core/jobs/worker", () => ({ enqueue: vi.fn(async () => {}) }));
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let customerId: string;

const newRequest = (
  type: "access" | "erasure" | "rectification" | "question",
  customer = customerId,
) =>
  withTenant(orgId, (tx) =>
    createRequest(tenantContext(tx, orgId, { type: "user", id: officerId }), {
      type,
      channel: "email",
      customerId: customer,
      locale: "en",
      receivedAt: new Date("2026-11-25T12:00:00Z"),
      verifiedOn: "2026-11-25",
      identityMethod: "email_reply",
    }),
  );
const actionsBy = (userId: string) =>
  withTenant(orgId, async (tx) =>
    (
      await tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.actorId, userId)))
    ).map((e) => e.action),
  );

/** The request page's one "complete" step. */
const complete = (id: string) =>
  moveRequestAction({ status: "idle" }, form({ id, to: "completed" }));

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [{ id: customerId }] = await withTenant(orgId, (tx) =>
    upsertCustomers(tx, orgId, [
      {
        externalRef: "act-1",
        displayName: "Test Person",
        email: "act1@example.com",
        laws: ["PIPL"],
      },
    ]),
  );
  const mailVendor = await insertVendor(orgId, {
    name: "Mail vendor",
    dataCategories: ["contact"],
  });
  // A contract purpose sends contact data to the mail vendor: it received this customer's data.
  const { id: purposeId } = await newPurpose(orgId, {
    code: "order_mail",
    bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
  });
  await withTenant(orgId, (tx) =>
    tx
      .update(purposes)
      .set({ recipientVendorIds: [mailVendor], dataCategories: ["contact"] })
      .where(eq(purposes.id, purposeId)),
  );
});

describe("fulfilment actions", () => {
  it("queues a package as the officer and enqueues the job after commit", async () => {
    const { id } = await newRequest("access");
    await actAs(officerId, orgId);
    expect(await buildPackageAction({ status: "idle" }, form({ requestId: id }))).toEqual({
      status: "ok",
      message: "fulfilment.saved.packageQueued",
    });
    const [pkg] = await withTenant(orgId, (tx) =>
      tx.select().from(requestExports).where(eq(requestExports.requestId, id)),
    );
    expect(pkg.status).toBe("building");
    expect(enqueue).toHaveBeenCalledWith("request-export", { orgId, exportId: pkg.id });
  });

  it("refuses a malformed corrected value next to its field, and an employee altogether", async () => {
    const { id } = await newRequest("rectification");
    await actAs(officerId, orgId);
    const refused = await proposeRectificationAction(
      { status: "idle" },
      form({ requestId: id, field: "email", value: "not-an-email" }),
    );
    expect(refused).toMatchObject({ status: "error", fieldErrors: { value: "errors.email" } });
    await actAs(await createMember(orgId, "employee"), orgId);
    expect(
      await proposeRectificationAction(
        { status: "idle" },
        form({ requestId: id, field: "email", value: "a@example.com" }),
      ),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
  });

  it("erases, refuses completion while a vendor task is open, then completes once it is confirmed", async () => {
    const { id } = await newRequest("erasure");
    await actAs(officerId, orgId);
    expect(await eraseCustomerAction({ status: "idle" }, form({ requestId: id }))).toMatchObject({
      status: "ok",
    });
    expect(await complete(id)).toMatchObject({
      status: "error",
      message: "errors.openVendorTasks",
    });
    const [task] = await withTenant(orgId, (tx) => vendorTasksOf(tx, orgId, id));
    expect(task.vendorName).toBe("Mail vendor");
    expect(
      await vendorTaskAction(
        { status: "idle" },
        form({ requestId: id, taskId: task.id, status: "confirmed" }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(await complete(id)).toMatchObject({ status: "ok" });
    expect(await actionsBy(officerId)).toEqual(
      expect.arrayContaining([
        "customer.erased",
        "request.vendor_task_confirmed",
        "request.completed",
      ]),
    );
  });

  it("refuses to complete a question until an answer was sent to the requester", async () => {
    // A customer of its own: the erasure test above erased the shared one.
    const [asker] = await withTenant(orgId, (tx) =>
      upsertCustomers(tx, orgId, [
        {
          externalRef: "act-2",
          displayName: "Asking Person",
          email: "act2@example.com",
          laws: ["PIPL"],
        },
      ]),
    );
    const { id } = await newRequest("question", asker.id);
    const handler = await createMember(orgId, "privacy_officer");
    await actAs(handler, orgId);
    expect(
      await moveRequestAction({ status: "idle" }, form({ id, to: "in_progress" })),
    ).toMatchObject({ status: "ok" });
    expect(await complete(id)).toMatchObject({ status: "error", message: "errors.noAnswer" });
    expect(await actionsBy(handler)).not.toContain("request.completed");
    expect(
      await messageRequesterAction(
        { status: "idle" },
        form({ id, text: "The answer is in the privacy policy, section 4." }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(await complete(id)).toMatchObject({ status: "ok" });
    expect(await actionsBy(handler)).toContain("request.completed");
  });
});
