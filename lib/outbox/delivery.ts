import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { messageOutbox, organizations } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { jobActor } from "@/lib/core/jobs/job";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { inTenant, type TenantContext } from "@/lib/core/tenancy/context";
import type { Mailer } from "./mailer";
import { messageContext, sealingSubject } from "./seal";
import { log } from "@/lib/core/log/logger";

const JOB_ACTOR = jobActor("message-delivery");
/** A message still failing after this many tries is given up (one try per minute). */
export const MAX_ATTEMPTS = 5;
const BATCH = 100;

type Outcome = "sent" | "held" | "retry" | "failed" | "skipped";

/** A failure's kind for the outbox page: an error code or class name, never SMTP's text (it can quote the address). */
const errorKind = (error: unknown) =>
  String((error as { code?: unknown }).code ?? (error as Error).name ?? "Error").slice(0, 40);

async function fail(
  { tx, orgId, audit }: TenantContext,
  id: string,
  attempts: number,
  kind: string,
  final: boolean,
): Promise<Outcome> {
  await tx
    .update(messageOutbox)
    .set({ attempts, lastError: kind, status: final ? "failed" : "pending" })
    .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.id, id)));
  if (!final) return "retry";
  await audit({
    action: "message.failed",
    targetType: "message",
    targetId: id,
    details: { attempts, error: kind },
  });
  return "failed";
}

/**
 * Delivers one pending message in its own transaction (the row stays locked while it is sent, so
 * two workers never send it twice). SMS is held: no SMS provider is configured. Email goes through
 * the mailer when there is one, else it is held too.
 */
async function deliverOne(orgId: string, id: string, mailer: Mailer | null): Promise<Outcome> {
  return inTenant(orgId, JOB_ACTOR, async (ctx) => {
    const { tx } = ctx;
    const [row] = await tx
      .select()
      .from(messageOutbox)
      .where(
        and(
          eq(messageOutbox.orgId, orgId),
          eq(messageOutbox.id, id),
          eq(messageOutbox.status, "pending"),
        ),
      )
      .for("update", { skipLocked: true });
    if (!row) return "skipped";
    if (row.channel === "sms" || !mailer) {
      await tx
        .update(messageOutbox)
        .set({ status: "held" })
        .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.id, id)));
      return "held";
    }
    const attempts = row.attempts + 1;
    let email;
    try {
      const key = await existingDataKey(tx, orgId, sealingSubject(row));
      email = {
        to: decryptField(key, row.recipientEnc, messageContext(orgId, id, "recipient")),
        subject: row.subjectEnc
          ? decryptField(key, row.subjectEnc, messageContext(orgId, id, "subject"))
          : "",
        text: decryptField(key, row.bodyEnc, messageContext(orgId, id, "body")),
      };
    } catch (error) {
      // Erased since (key shredded) or tampered: it can never be sent.
      return fail(
        ctx,
        id,
        attempts,
        error instanceof KeyDestroyedError ? "erased" : "undecryptable",
        true,
      );
    }
    try {
      await mailer(email);
    } catch (error) {
      return fail(ctx, id, attempts, errorKind(error), attempts >= MAX_ATTEMPTS);
    }
    await tx
      .update(messageOutbox)
      .set({ status: "sent", attempts, lastError: null, sentAt: new Date() })
      .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.id, id)));
    await ctx.audit({
      action: "message.sent",
      targetType: "message",
      targetId: id,
      details: { channel: row.channel, template: row.template },
    });
    return "sent";
  });
}

/** Delivers an organisation's pending messages, oldest first; each in its own transaction. */
export async function deliverPending(
  orgId: string,
  mailer: Mailer | null,
): Promise<Record<Outcome, number>> {
  const ids = await withTenant(orgId, (tx) =>
    tx
      .select({ id: messageOutbox.id })
      .from(messageOutbox)
      .where(and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.status, "pending")))
      .orderBy(asc(messageOutbox.createdAt))
      .limit(BATCH),
  );
  const counts: Record<Outcome, number> = { sent: 0, held: 0, retry: 0, failed: 0, skipped: 0 };
  for (const { id } of ids) counts[await deliverOne(orgId, id, mailer)] += 1;
  return counts;
}

/** Every organisation's pending messages; one organisation's failure does not stop the others. */
export async function deliverAll(mailer: Mailer | null): Promise<void> {
  const orgs = await withoutTenant((tx) => tx.select({ id: organizations.id }).from(organizations));
  let failed = 0;
  for (const { id } of orgs) {
    try {
      await deliverPending(id, mailer);
    } catch (error) {
      failed += 1;
      log.error({ orgId: id, err: error }, "message delivery failed for an organisation");
    }
  }
  if (failed > 0)
    throw new Error(`message delivery failed for ${failed} of ${orgs.length} organisations`);
}
