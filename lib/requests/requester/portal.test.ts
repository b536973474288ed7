/**
 * The public request portal: submissions as a verified customer, the tracking view behind a
 * token, the requester's reply and download — and the portal actions driven as a browser would
 * (cookies and headers mocked), proving the refusals tests/authorization.test.ts relies on.
 */
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  dataSubjectRequests,
  messageOutbox,
  organizations,
  requestExports,
  requestRectifications,
} from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { AppError } from "@/lib/core/errors";
import { recordConsentBatch } from "@/lib/consent/record";
import { newPurpose } from "@/lib/consent/test-support";
import { listOutbox } from "@/lib/outbox/queries";
import { codeSentTo, customerWithContacts, messagesOf, uniqueIp } from "@/lib/portal/test-support";
import { outcomeOf } from "@/tests/action-outcome";
import { auditOfTarget } from "@/tests/audit";
import { createOrg, form, orgWithOfficer } from "@/tests/factories";
import { addRequestText, moveRequest } from "../commands";
import { runRequestExport } from "../fulfilment/export-job";
import { startExport } from "../fulfilment/exports";
import { renewTrackingLink, requestsOfRequester } from "./relink";
import { portalRequestInput } from "./schemas";
import { submitPortalRequest, withdrawableFor } from "./submit";
import {
  allowTrackingLookup,
  downloadAsRequester,
  replyAsRequester,
  trackingView,
  TRACK_LIMIT,
} from "./track";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";

const jar = new Map<string, string>();
const visitor = { ip: "198.51.100.1" };
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) =>
      void jar.delete(typeof options === "string" ? options : options.name),
  }),
  headers: async () =>
    new Headers({ "x-forwarded-for": visitor.ip, "user-agent": "Mozilla/5.0 test" }),
}));
vi.mock("next-intl/server", async (original) => ({
  ...(await original<object>()),
  getLocale: async () => "zh-CN",
}));
vi.mock("@/lib/outbox/trigger", () => ({ triggerDelivery: async () => undefined }));

const actions = {
  ...(await import("@/app/(portal)/p/[org]/identity/actions")),
  ...(await import("@/app/(portal)/p/[org]/requests/actions")),
};
const trackActions = await import("@/app/(portal)/p/[org]/requests/track/actions");
const download = await import("@/app/(portal)/p/[org]/requests/track/download/route");

afterAll(closeAppDb);

/** A verified customer's submission, in its own transaction audited as them (as the portal's action runs it). */
const submitAs = (
  customerId: string,
  ...rest: Parameters<typeof submitPortalRequest> extends [unknown, ...infer R] ? R : never
) =>
  inTenant(orgId, { type: "customer", id: customerId }, (ctx) => submitPortalRequest(ctx, ...rest));

let orgId: string;
let slug: string;
let officerId: string;
const today = "2026-11-27";
/** Noon UTC: the same date in every law's zone. */
const now = new Date(`${today}T12:00:00Z`);
const input = (values: Record<string, unknown>) => portalRequestInput.parse(values);
const staff = <T>(fn: (ctx: TenantContext) => Promise<T>) =>
  withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
const requestRow = async (reference: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(dataSubjectRequests)
        .where(
          and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.reference, reference)),
        ),
    )
  )[0];
const auditsOf = (targetId: string) => auditOfTarget(orgId, targetId);

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [{ slug }] = await withoutTenant((tx) =>
    tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId)),
  );
});
beforeEach(() => {
  jar.clear();
  visitor.ip = uniqueIp();
});

describe("submitting a request", () => {
  it("records a verified portal request, audited as the customer, and queues the received notice", async () => {
    const customer = await customerWithContacts(orgId);
    const result = await submitAs(customer.id, input({ type: "access" }), "en", now);
    expect(result.reference).toMatch(/^R-2026-\d{6}$/);
    expect(result.duplicateOfReference).toBeNull();
    const row = await requestRow(result.reference);
    expect(row).toMatchObject({
      type: "access",
      status: "verified",
      channel: "portal",
      identityMethod: "portal_code",
      verifiedOn: today,
      receivedOn: today,
      locale: "en",
      customerId: customer.id,
    });
    expect(row.trackingTokenHash).not.toContain(result.token);
    const audits = await auditsOf(row.id);
    expect(audits[0]).toMatchObject({
      action: "request.created",
      actorType: "customer",
      actorId: customer.id,
    });
    expect(JSON.stringify(audits)).not.toContain(customer.phone);
    const notices = (await messagesOf(orgId)).filter((m) => m.customerId === customer.id);
    expect(notices.map((m) => m.template)).toEqual(["request.received"]);
    // The confirmation carries the tracking link, its token in the fragment.
    const [sent] = (
      await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: true }))
    ).filter((m) => m.id === notices[0].id);
    expect(sent.body).toContain(`/p/${slug}/requests/track#${result.token}`);
  });

  it("links a second open request of the same type to the first and says which", async () => {
    const customer = await customerWithContacts(orgId);
    const first = await submitAs(customer.id, input({ type: "erasure" }), "zh-CN", now);
    const second = await submitAs(customer.id, input({ type: "erasure" }), "zh-CN", now);
    expect(second.duplicateOfReference).toBe(first.reference);
    expect((await requestRow(second.reference)).status).toBe("completed");
    const view = await trackingView(orgId, second.token, "zh-CN");
    expect(view?.duplicateOfReference).toBe(first.reference);
  });

  it("seals corrected values as rectification proposals, and refuses an invalid one writing nothing", async () => {
    const customer = await customerWithContacts(orgId);
    const bad = submitAs(
      customer.id,
      input({ type: "rectification", corrections: [{ field: "phone", value: "not a phone" }] }),
      "zh-CN",
      now,
    );
    await expect(bad).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { correct_phone: expect.any(String) },
    });
    const before = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, customer.id)),
    );
    expect(before).toHaveLength(0);

    const ok = await submitAs(
      customer.id,
      input({ type: "rectification", corrections: [{ field: "displayName", value: "王小明" }] }),
      "zh-CN",
      now,
    );
    const row = await requestRow(ok.reference);
    expect(row.details).toEqual({ fields: ["displayName"] });
    const proposals = await withTenant(orgId, (tx) =>
      tx.select().from(requestRectifications).where(eq(requestRectifications.requestId, row.id)),
    );
    expect(proposals).toHaveLength(1);
    expect(proposals[0].proposedEnc!.toString("utf8")).not.toContain("王小明");
    expect(JSON.stringify(await auditsOf(row.id))).not.toContain("王小明");
  });

  it("needs a message for a question and keeps it sealed, readable on the tracking page", async () => {
    const customer = await customerWithContacts(orgId);
    await expect(
      submitAs(customer.id, input({ type: "question" }), "zh-CN", now),
    ).rejects.toBeInstanceOf(AppError);
    const result = await submitAs(
      customer.id,
      input({ type: "question", message: "你们把我的手机号给了谁？" }),
      "zh-CN",
      now,
    );
    const view = await trackingView(orgId, result.token, "zh-CN");
    expect(view?.events.find((e) => e.kind === "message_from_requester")?.text).toBe(
      "你们把我的手机号给了谁？",
    );
    expect(JSON.stringify(await auditsOf((await requestRow(result.reference)).id))).not.toContain(
      "手机号给了谁",
    );
  });

  it("withdraw consent accepts only purposes the customer can withdraw", async () => {
    const customer = await customerWithContacts(orgId);
    const purpose = await newPurpose(orgId);
    await withTenant(orgId, (tx) =>
      recordConsentBatch(
        tx,
        orgId,
        [
          {
            customerId: customer.id,
            purposeId: purpose.id,
            action: "grant",
            channel: "web",
            source: "customer",
            occurredAt: "2026-10-01T08:00:00Z",
          },
        ],
        async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e)),
      ),
    );
    expect(
      (await withTenant(orgId, (tx) => withdrawableFor(tx, orgId, customer.id))).map((p) => p.id),
    ).toEqual([purpose.id]);
    await expect(
      submitAs(customer.id, input({ type: "withdraw_consent" }), "zh-CN", now),
    ).rejects.toMatchObject({ fieldErrors: { purposeIds: "required" } });
    const ok = await submitAs(
      customer.id,
      input({ type: "withdraw_consent", purposeIds: [purpose.id] }),
      "zh-CN",
      now,
    );
    expect((await requestRow(ok.reference)).details).toEqual({ purposeIds: [purpose.id] });
    await expect(
      submitAs(
        customer.id,
        input({ type: "withdraw_consent", purposeIds: ["00000000-0000-4000-8000-000000000000"] }),
        "zh-CN",
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { purposeIds: "choice" } });
  });
});

describe("tracking", () => {
  it("shows nothing for an unknown or malformed token", async () => {
    expect(await trackingView(orgId, "A".repeat(43), "zh-CN")).toBeNull();
    expect(await trackingView(orgId, "x", "zh-CN")).toBeNull();
    const customer = await customerWithContacts(orgId);
    const { token } = await submitAs(customer.id, input({ type: "objection" }), "zh-CN", now);
    const { orgId: otherOrg } = await createOrg();
    expect(await trackingView(otherOrg, token, "zh-CN")).toBeNull();
  });

  it("a reply while waiting is sealed on the timeline and resumes the request; otherwise refused", async () => {
    const customer = await customerWithContacts(orgId);
    const { reference, token } = await submitAs(
      customer.id,
      input({ type: "restriction" }),
      "zh-CN",
      now,
    );
    const { id } = await requestRow(reference);
    expect(await replyAsRequester(orgId, token, "too early")).toBe(false);
    await staff(async (ctx) => {
      await moveRequest(ctx, id, "in_progress");
      await addRequestText(ctx, id, "message_to_requester", "请告诉我们要限制哪些处理。");
      await moveRequest(ctx, id, "awaiting_requester");
    });
    const waiting = await trackingView(orgId, token, "zh-CN");
    expect(waiting).toMatchObject({ status: "awaiting_requester", canReply: true, paused: true });
    expect(waiting?.events.find((e) => e.kind === "message_to_requester")?.text).toBe(
      "请告诉我们要限制哪些处理。",
    );

    expect(await replyAsRequester(orgId, token, "营销分析")).toBe(true);
    const resumed = await trackingView(orgId, token, "zh-CN");
    expect(resumed).toMatchObject({ status: "in_progress", canReply: false });
    expect(resumed?.events.at(-1)).toMatchObject({
      kind: "status_changed",
      toStatus: "in_progress",
    });
    expect(
      resumed?.events.some((e) => e.kind === "message_from_requester" && e.text === "营销分析"),
    ).toBe(true);
    const audits = await auditsOf(id);
    expect(audits.filter((a) => a.action === "request.message_received")).toEqual([
      expect.objectContaining({ actorType: "customer", actorId: customer.id }),
    ]);
    expect(JSON.stringify(audits)).not.toContain("营销分析");
  });

  it("shows a rejection with the PIPL Art. 50 remedies", async () => {
    const customer = await customerWithContacts(orgId);
    const { reference, token } = await submitAs(
      customer.id,
      input({ type: "portability" }),
      "en",
      now,
    );
    const { id } = await requestRow(reference);
    await staff((ctx) => moveRequest(ctx, id, "rejected", { reason: "Manifestly unfounded" }));
    const view = await trackingView(orgId, token, "en");
    expect(view).toMatchObject({ status: "rejected", rejectionReason: "Manifestly unfounded" });
    expect(view?.remedy).toContain("PIPL Art. 50");
  });

  it("hands the requester their package once it is ready, counted and audited as the customer", async () => {
    const customer = await customerWithContacts(orgId);
    const { reference, token } = await submitAs(
      customer.id,
      input({ type: "access" }),
      "zh-CN",
      now,
    );
    const { id } = await requestRow(reference);
    expect(await downloadAsRequester(orgId, token)).toBeNull();
    const { exportId } = await staff((ctx) => startExport(ctx, id));
    expect(await downloadAsRequester(orgId, token)).toBeNull();
    expect(await runRequestExport(orgId, exportId)).toBe("ready");
    expect((await trackingView(orgId, token, "zh-CN"))?.download).not.toBeNull();

    const file = await downloadAsRequester(orgId, token);
    expect(file?.filename).toBe(`${reference}-data-package.zip`);
    const entries = unzipSync(new Uint8Array(file!.bytes));
    expect(
      Object.values(entries)
        .map((bytes) => strFromU8(bytes))
        .join("\n"),
    ).toContain(customer.email);
    const [pkg] = await withTenant(orgId, (tx) =>
      tx.select().from(requestExports).where(eq(requestExports.id, exportId)),
    );
    expect(pkg.downloads).toBe(1);
    expect((await auditsOf(id)).find((a) => a.action === "request.downloaded")).toMatchObject({
      actorType: "customer",
      actorId: customer.id,
      details: { exportId },
    });
    expect(await downloadAsRequester(orgId, "B".repeat(43))).toBeNull();
  });

  it("limits token lookups per address", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < TRACK_LIMIT.hits; i++) expect(await allowTrackingLookup(ip)).toBe(true);
    expect(await allowTrackingLookup(ip)).toBe(false);
    expect(await allowTrackingLookup(uniqueIp())).toBe(true);
  });
});

describe("a lost tracking link", () => {
  it("is replaced for the verified requester's own request: the old link stops working, audited as the customer", async () => {
    const customer = await customerWithContacts(orgId);
    const first = await submitAs(customer.id, input({ type: "access" }), "zh-CN", now);
    const [listed] = await requestsOfRequester(orgId, customer.id);
    expect(listed).toMatchObject({
      reference: first.reference,
      type: "access",
      status: "verified",
    });

    const renewed = await inTenant(orgId, { type: "customer", id: customer.id }, (ctx) =>
      renewTrackingLink(ctx, listed.id),
    );
    expect(renewed.reference).toBe(first.reference);
    expect(await trackingView(orgId, first.token, "zh-CN")).toBeNull();
    expect((await trackingView(orgId, renewed.token, "zh-CN"))?.reference).toBe(first.reference);
    expect((await auditsOf(listed.id)).at(-1)).toMatchObject({
      action: "request.tracking_link_renewed",
      actorType: "customer",
      actorId: customer.id,
    });
  });

  it("is never given for someone else's request", async () => {
    const owner = await customerWithContacts(orgId);
    const other = await customerWithContacts(orgId);
    const submitted = await submitAs(owner.id, input({ type: "access" }), "zh-CN", now);
    const [listed] = await requestsOfRequester(orgId, owner.id);
    expect(await requestsOfRequester(orgId, other.id)).toEqual([]);
    await expect(
      inTenant(orgId, { type: "customer", id: other.id }, (ctx) =>
        renewTrackingLink(ctx, listed.id),
      ),
    ).rejects.toMatchObject({ code: "notFound" });
    expect((await trackingView(orgId, submitted.token, "zh-CN"))?.reference).toBe(
      submitted.reference,
    );
  });
});

describe("portal actions", () => {
  const idle = { status: "idle" } as const;
  async function run<S>(
    action: (s: S, f: FormData) => Promise<unknown>,
    values: Record<string, string | string[]>,
  ) {
    return outcomeOf(action(idle as S, form({ org: slug, purpose: "requests", ...values })));
  }

  it("refuses to submit without a verified session, writing nothing", async () => {
    const count = async () =>
      (await withTenant(orgId, (tx) => tx.select().from(dataSubjectRequests))).length;
    const before = await count();
    expect(await run(actions.submitRequestAction, { type: "access" })).toMatchObject({
      status: "error",
      message: "portalRequests.form.errors.sessionExpired",
    });
    expect(await count()).toBe(before);
  });

  it("answers an unknown number like a known one and sends nothing; a verified code lets the customer submit", async () => {
    const before = (await messagesOf(orgId)).length;
    expect(
      await run(actions.requestCodeAction, { channel: "sms", contact: "13700000002" }),
    ).toEqual({ redirect: `/p/${slug}/requests` });
    expect((await messagesOf(orgId)).length).toBe(before);

    jar.clear();
    const customer = await customerWithContacts(orgId);
    expect(
      await run(actions.requestCodeAction, { channel: "sms", contact: customer.phone.slice(3) }),
    ).toEqual({ redirect: `/p/${slug}/requests` });
    const code = await codeSentTo(orgId, customer.id);
    expect(await run(actions.verifyCodeAction, { code: code! })).toEqual({
      redirect: `/p/${slug}/requests`,
    });
    const submitted = (await run(actions.submitRequestAction, { type: "access" })) as {
      status: string;
      data: { reference: string; token: string };
    };
    expect(submitted.status).toBe("ok");
    expect((await requestRow(submitted.data.reference)).customerId).toBe(customer.id);

    const tracked = await trackActions.trackRequestAction(slug, submitted.data.token);
    expect(tracked).toMatchObject({
      status: "ok",
      view: { reference: submitted.data.reference, status: "verified" },
    });
    expect(await trackActions.trackRequestAction(slug, "C".repeat(43))).toEqual({
      status: "notFound",
    });
    expect(await trackActions.trackRequestAction("no-such-org", submitted.data.token)).toEqual({
      status: "notFound",
    });

    const response = await download.POST(
      new Request("http://localhost/x", {
        method: "POST",
        body: form({ token: submitted.data.token }),
      }),
      { params: Promise.resolve({ org: slug }) },
    );
    expect(response.status).toBe(404);
    const outbox = await withTenant(orgId, (tx) =>
      tx
        .select({ template: messageOutbox.template })
        .from(messageOutbox)
        .where(eq(messageOutbox.customerId, customer.id)),
    );
    expect(outbox.map((m) => m.template).sort()).toEqual(["portal.code", "request.received"]);
  });
});
