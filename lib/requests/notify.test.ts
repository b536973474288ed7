import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataSubjectRequests, messageOutbox } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { upsertCustomers } from "@/lib/customers/commands";
import { messageContext } from "@/lib/outbox/seal";
import { orgWithOfficer } from "@/tests/factories";
import { createRequest, type NewRequest } from "./commands";
import { messageTemplates } from "@/lib/outbox/templates";
import { notifyRequester, rejectionText } from "./notify";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let emailCustomer: string;
let phoneCustomer: string;

const create = (input: Partial<NewRequest> & Pick<NewRequest, "customerId">) =>
  withTenant(orgId, (tx) =>
    createRequest(tenantContext(tx, orgId, { type: "user", id: officerId }), {
      type: "access",
      channel: "email",
      locale: "zh-CN",
      receivedAt: new Date("2026-05-11T12:00:00Z"),
      verifiedOn: "2026-05-11",
      identityMethod: "email_reply",
      ...input,
    }),
  );
async function opened(id: string) {
  return withTenant(orgId, async (tx) => {
    const [row] = await tx.select().from(messageOutbox).where(eq(messageOutbox.id, id));
    const key = await existingDataKey(tx, orgId, row.customerId!);
    return {
      row,
      body: decryptField(key, row.bodyEnc, messageContext(orgId, id, "body")),
      subject: row.subjectEnc
        ? decryptField(key, row.subjectEnc, messageContext(orgId, id, "subject"))
        : null,
    };
  });
}

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [emailCustomer, phoneCustomer] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        {
          externalRef: "n-1",
          displayName: "李雷",
          email: "lilei@example.com",
          phone: "+8613600136001",
          laws: ["PIPL"],
          region: "CN-BJ",
        },
        {
          externalRef: "n-2",
          displayName: "Hans Muster",
          phone: "+4915112345678",
          laws: [],
          region: "DE",
        },
      ])
    ).map((r) => r.id),
  );
});

describe("requester notifications", () => {
  it("has every notice in both languages", () => {
    const notices = Object.entries(messageTemplates).filter(([key]) => key.startsWith("request."));
    expect(notices.map(([key]) => key).sort()).toEqual(
      ["completed", "extended", "message", "received", "rejected", "verified", "waiting"].map(
        (n) => `request.${n}`,
      ),
    );
    for (const [, template] of notices) {
      for (const text of [template.subject, template.body])
        expect(Object.keys(text).sort()).toEqual(["en", "zh-CN"]);
    }
  });

  it("emails a PIPL rejection with the right to complain or sue (Art. 50), sealed, with nothing personal in clear", async () => {
    const { id, reference } = await create({ customerId: emailCustomer });
    const message = await withTenant(orgId, (tx) =>
      notifyRequester(tx, orgId, id, "rejected", { reason: "请求超出法定范围" }),
    );
    const { row, body, subject } = await opened(message!.id);
    expect(row).toMatchObject({
      channel: "email",
      template: "request.rejected",
      locale: "zh-CN",
      status: "pending",
    });
    expect(row.recipientMasked).not.toContain("lilei@");
    expect(subject).toContain(reference);
    expect(body).toContain("请求超出法定范围");
    expect(body).toContain("投诉");
    expect(body).toContain("人民法院提起诉讼");
    expect(body).not.toMatch(/李雷|lilei|13600136001/);
    expect(row.bodyEnc.toString("latin1")).not.toContain("法定范围");
  });

  it("texts a customer with only a phone, in the request's language, with the due date", async () => {
    const { id } = await create({
      customerId: phoneCustomer,
      type: "erasure",
      locale: "en",
      receivedAt: new Date("2026-05-04T12:00:00Z"),
    });
    const message = await withTenant(orgId, (tx) => notifyRequester(tx, orgId, id, "verified"));
    const { row, body, subject } = await opened(message!.id);
    expect(row).toMatchObject({ channel: "sms", template: "request.verified", locale: "en" });
    expect(subject).toBeNull();
    expect(body).toContain("respond by 2026-06-04");
  });

  it("counts the first notice sent as the acknowledgement of receipt", async () => {
    const { id } = await create({
      customerId: phoneCustomer,
      type: "question",
      locale: "en",
      receivedAt: new Date("2026-05-05T12:00:00Z"),
    });
    const acknowledged = async () =>
      (
        await withTenant(orgId, (tx) =>
          tx
            .select({ at: dataSubjectRequests.acknowledgedAt })
            .from(dataSubjectRequests)
            .where(eq(dataSubjectRequests.id, id)),
        )
      )[0].at;
    expect(await acknowledged()).toBeNull();
    await withTenant(orgId, (tx) => notifyRequester(tx, orgId, id, "received"));
    const first = await acknowledged();
    expect(first).toBeInstanceOf(Date);
    await withTenant(orgId, (tx) => notifyRequester(tx, orgId, id, "message"));
    expect(await acknowledged()).toEqual(first);
  });

  it("sends nothing for a request without a customer", async () => {
    const { id } = await create({ customerId: null, verifiedOn: null, identityMethod: null });
    expect(await withTenant(orgId, (tx) => notifyRequester(tx, orgId, id, "received"))).toBeNull();
  });

  it("adds the law's remedies to a rejection's requester-facing text", () => {
    expect(rejectionText(["PIPL"], "en", "Out of scope")).toMatch(
      /^Out of scope .*complain.*lawsuit.*Art\. 50/,
    );
    expect(rejectionText(["GDPR"], "en", "Manifestly unfounded")).toContain(
      "supervisory authority",
    );
    expect(rejectionText(["CCPA"], "en", "Not verifiable")).toBe("Not verifiable");
    // Under several laws, each law's remedy is told, whichever clock governs.
    expect(rejectionText(["CCPA", "PIPL"], "en", "Not verifiable")).toMatch(
      /^Not verifiable .*Art\. 50/,
    );
  });
});
