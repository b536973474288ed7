/** Builders shared by the portal tests. */
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { messageOutbox, portalChallenges } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { upsert } from "@/lib/customers/test-support";
import { messageContext } from "@/lib/outbox/seal";
import { verifyCode } from "./challenge";

/** A customer with a unique mobile number and email on file. */
export async function customerWithContacts(orgId: string, laws: string[] = ["PIPL"]) {
  const phone = `+86139${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
  const email = `c.${randomBytes(4).toString("hex")}@example.com`;
  const [{ id }] = await upsert(orgId, [
    { externalRef: `c-${randomBytes(4).toString("hex")}`, phone, email, laws },
  ]);
  return { id, phone, email };
}

/** The code in the customer's newest message, read as a developer would from the outbox. */
export async function codeSentTo(orgId: string, customerId: string): Promise<string | null> {
  return withTenant(orgId, async (tx) => {
    const [row] = await tx
      .select()
      .from(messageOutbox)
      .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.customerId, customerId)))
      .orderBy(desc(messageOutbox.createdAt))
      .limit(1);
    if (!row) return null;
    const body = decryptField(
      await existingDataKey(tx, orgId, customerId),
      row.bodyEnc,
      messageContext(orgId, row.id, "body"),
    );
    return /(?:验证码是|code is) (\d{6})/.exec(body)?.[1] ?? null;
  });
}

export const messagesOf = (orgId: string) =>
  withTenant(orgId, (tx) => tx.select().from(messageOutbox).where(eq(messageOutbox.orgId, orgId)));
export const challenge = async (orgId: string, id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(portalChallenges)
        .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, id))),
    )
  )[0];
export const uniqueIp = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** A code checked in its own transaction, as the portal's verify step does. */
export const verify = (orgId: string, input: Parameters<typeof verifyCode>[1]) =>
  withTenant(orgId, (tx) => verifyCode({ tx, orgId }, input));
