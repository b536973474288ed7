import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { messageOutbox } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { parseEnv } from "@/lib/core/env/schema";
import { upsert } from "@/lib/customers/test-support";
import { auditOfTarget } from "@/tests/audit";
import { createOrg } from "@/tests/factories";
import { deliverPending, MAX_ATTEMPTS } from "./delivery";
import { enqueueMessage } from "./enqueue";
import type { Mailer, OutgoingEmail } from "./mailer";
import { listOutbox } from "./queries";
import { messageContext } from "./seal";
import { renderMessage } from "./templates";

let orgId: string;
let customerId: string;
const phone = "+8613912345678";
const email = `li.${randomBytes(3).toString("hex")}@example.com`;

const enqueue = (channel: "sms" | "email", code = "123456", locale: "zh-CN" | "en" = "zh-CN") =>
  withTenant(orgId, (tx) =>
    enqueueMessage(tx, orgId, {
      customerId,
      channel,
      template: "portal.code",
      locale,
      params: { code },
    }),
  );
const stored = async (id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(messageOutbox)
        .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.id, id))),
    )
  )[0];
const audited = (id: string) => auditOfTarget(orgId, id);

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [{ id: customerId }] = await upsert(orgId, [
    {
      externalRef: `c-${randomBytes(3).toString("hex")}`,
      displayName: "李雷",
      phone,
      email,
      laws: ["PIPL"],
    },
  ]);
});

describe("templates", () => {
  it("renders the code in both languages, with the platform named", () => {
    expect(
      renderMessage("portal.code", "sms", "zh-CN", { platform: "券易转", code: "042917" }),
    ).toEqual({
      subject: null,
      body: "【券易转】您的验证码是 042917，10 分钟内有效。如非本人操作请忽略。",
    });
    const en = renderMessage("portal.code", "email", "en", {
      platform: "VoucherSwap",
      code: "042917",
    });
    expect(en.subject).toBe("VoucherSwap: your verification code");
    expect(en.body).toContain("Your verification code is 042917");
  });

  it("refuses to send a text with a parameter missing", () => {
    expect(() => renderMessage("portal.code", "sms", "en", { platform: "X" })).toThrow(/code/);
  });
});

describe("enqueueMessage", () => {
  it("seals recipient and body under the customer's key, bound to the row, and stores only a mask", async () => {
    const { id } = (await enqueue("sms", "654321"))!;
    const row = await stored(id);
    expect(row).toMatchObject({
      channel: "sms",
      template: "portal.code",
      locale: "zh-CN",
      recipientMasked: "139****5678",
      status: "pending",
      subjectEnc: null,
    });
    for (const blob of [row.recipientEnc, row.bodyEnc]) {
      expect(blob.includes(Buffer.from("654321"))).toBe(false);
      expect(blob.includes(Buffer.from("13912345678"))).toBe(false);
    }
    await withTenant(orgId, async (tx) => {
      const key = await existingDataKey(tx, orgId, customerId);
      expect(decryptField(key, row.recipientEnc, messageContext(orgId, id, "recipient"))).toBe(
        phone,
      );
      expect(decryptField(key, row.bodyEnc, messageContext(orgId, id, "body"))).toMatch(
        /^【组织 org-[0-9a-f]+】您的验证码是 654321，/,
      );
      // Moved to another row or column, a ciphertext does not open.
      expect(() =>
        decryptField(key, row.bodyEnc, messageContext(orgId, customerId, "body")),
      ).toThrow(DecryptionError);
      expect(() => decryptField(key, row.recipientEnc, messageContext(orgId, id, "body"))).toThrow(
        DecryptionError,
      );
    });
  });

  it("writes an email with its subject, addressed to the email on file", async () => {
    const { id } = (await enqueue("email", "111222", "en"))!;
    const row = await stored(id);
    expect(row.recipientMasked).toBe(`l***@example.com`);
    await withTenant(orgId, async (tx) => {
      const key = await existingDataKey(tx, orgId, customerId);
      expect(decryptField(key, row.subjectEnc!, messageContext(orgId, id, "subject"))).toMatch(
        /your verification code$/,
      );
      expect(decryptField(key, row.recipientEnc, messageContext(orgId, id, "recipient"))).toBe(
        email,
      );
    });
  });

  it("writes nothing for a customer without that contact", async () => {
    const [{ id: noEmail }] = await upsert(orgId, [
      { externalRef: `c-${randomBytes(3).toString("hex")}`, phone: "13700001111" },
    ]);
    const result = await withTenant(orgId, (tx) =>
      enqueueMessage(tx, orgId, {
        customerId: noEmail,
        channel: "email",
        template: "portal.code",
        locale: "en",
        params: { code: "1" },
      }),
    );
    expect(result).toBeNull();
  });
});

describe("delivery", () => {
  it("holds SMS (no provider), sends email through the mailer, and audits ids only", async () => {
    await deliverPending(orgId, null); // clear earlier tests' messages
    const sms = (await enqueue("sms"))!;
    const mail = (await enqueue("email", "777888", "en"))!;
    const sent: OutgoingEmail[] = [];
    const counts = await deliverPending(orgId, async (m) => void sent.push(m));
    expect(counts).toMatchObject({ held: 1, sent: 1 });
    expect((await stored(sms.id)).status).toBe("held");
    expect(await stored(mail.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent).toEqual([
      {
        to: email,
        subject: expect.stringMatching(/verification code/),
        text: expect.stringContaining("777888"),
      },
    ]);
    const events = await audited(mail.id);
    expect(events).toEqual([
      {
        action: "message.sent",
        actorType: "system",
        actorId: "message-delivery-job",
        details: { channel: "email", template: "portal.code" },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/777888|example\.com/);
    expect(await audited(sms.id)).toEqual([]);
  });

  it("holds email too when SMTP is not configured", async () => {
    const mail = (await enqueue("email"))!;
    await deliverPending(orgId, null);
    expect((await stored(mail.id)).status).toBe("held");
  });

  it("retries a failing email, keeps only the error's code, and gives up after the last attempt", async () => {
    const mail = (await enqueue("email"))!;
    const failing: Mailer = async () => {
      throw Object.assign(new Error(`550 mailbox ${email} unavailable`), { code: "EENVELOPE" });
    };
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await deliverPending(orgId, failing);
      expect(await stored(mail.id)).toMatchObject({
        status: "pending",
        attempts: i,
        lastError: "EENVELOPE",
      });
    }
    await deliverPending(orgId, failing);
    expect(await stored(mail.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await audited(mail.id)).toEqual([
      {
        action: "message.failed",
        actorType: "system",
        actorId: "message-delivery-job",
        details: { attempts: MAX_ATTEMPTS, error: "EENVELOPE" },
      },
    ]);
  });
});

describe("the outbox page's list", () => {
  it("shows masked recipients, and the text only when asked for", async () => {
    const { id } = (await enqueue("sms", "909090"))!;
    const plain = await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: false }));
    const row = plain.find((r) => r.id === id)!;
    expect(row).toMatchObject({ recipientMasked: "139****5678", status: "pending" });
    expect(row).not.toHaveProperty("body");
    const withBodies = await withTenant(orgId, (tx) => listOutbox(tx, orgId, { withBodies: true }));
    expect(withBodies.find((r) => r.id === id)!.body).toContain("909090");
  });
});

describe("OUTBOX_SHOW_BODIES", () => {
  const base = () => ({
    ...generateSecrets(),
    DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
    OUTBOX_SHOW_BODIES: "true",
  });

  it("is refused in production on a public address", () => {
    expect(() =>
      parseEnv({ ...base(), NODE_ENV: "production", NEXTAUTH_URL: "https://privacy.example.com" }),
    ).toThrow(/OUTBOX_SHOW_BODIES/);
    expect(() =>
      parseEnv({ ...base(), NODE_ENV: "production", NEXTAUTH_URL: "http://localhost.example.com" }),
    ).toThrow(/OUTBOX_SHOW_BODIES/);
  });

  it("is allowed in development and on a loopback demo, and off by default", () => {
    expect(parseEnv({ ...base(), NODE_ENV: "development" }).OUTBOX_SHOW_BODIES).toBe("true");
    expect(
      parseEnv({ ...base(), NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100" })
        .OUTBOX_SHOW_BODIES,
    ).toBe("true");
    expect(parseEnv({ ...base(), OUTBOX_SHOW_BODIES: "" }).OUTBOX_SHOW_BODIES).toBe("false");
  });
});
