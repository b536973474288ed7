import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { ActionContext } from "@/lib/core/actions/define-action";
import type { Tx } from "@/db/client";
import { customers, purposes } from "@/db/schema";
import { consentActions, consentChannels } from "@/db/schema/consent";
import { AppError } from "@/lib/core/errors";
import { recordConsentBatch } from "./record";

/** Channels a staff member can have heard the customer on (not the platform's own API). */
export const staffChannels = consentChannels.filter((c) => c !== "api");

/** The form "record on the customer's behalf": the reason is mandatory and kept in the receipt only. */
export const staffConsentInput = z.object({
  customerId: z.uuid(),
  purposeId: z.uuid(),
  action: z.enum(consentActions),
  channel: z
    .enum(staffChannels as [string, ...string[]])
    .transform((c) => c as (typeof staffChannels)[number]),
  reason: z.string().trim().min(10).max(500),
});
export type StaffConsentInput = z.infer<typeof staffConsentInput>;

/** Purposes staff may record a decision for: live and optional (a required purpose cannot be refused). */
export async function staffPurposeOptions(tx: Tx, orgId: string) {
  return tx
    .select({ id: purposes.id, code: purposes.code, name: purposes.name })
    .from(purposes)
    .where(
      and(eq(purposes.orgId, orgId), isNull(purposes.archivedAt), eq(purposes.required, false)),
    )
    .orderBy(asc(purposes.code));
}

/**
 * A decision the customer made through staff (at a counter, on the phone), recorded as one batch
 * with source "staff", the staff member and their reason. Besides the batch's own audit event,
 * `consent.recorded_by_staff` names the purpose code and action: never the reason, which may
 * hold personal data and lives only in the receipt.
 */
export async function recordOnBehalf(
  ctx: ActionContext,
  input: StaffConsentInput,
  now = new Date(),
) {
  const { tx, orgId } = ctx;
  const [customer] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, input.customerId)));
  if (!customer || customer.status === "erased") throw new AppError("notFound");
  const [purpose] = await tx
    .select({
      code: purposes.code,
      required: purposes.required,
      archivedAt: purposes.archivedAt,
      policyVersionId: purposes.policyVersionId,
    })
    .from(purposes)
    .where(and(eq(purposes.orgId, orgId), eq(purposes.id, input.purposeId)));
  if (!purpose || purpose.archivedAt || purpose.required)
    throw new AppError("invalid", { purposeId: "choice" });

  const batch = await recordConsentBatch(
    tx,
    orgId,
    [
      {
        customerId: input.customerId,
        purposeId: input.purposeId,
        action: input.action,
        channel: input.channel,
        policyVersionId: purpose.policyVersionId,
        source: "staff",
        staffUserId: ctx.user.userId,
        staffReason: input.reason,
        occurredAt: now.toISOString(),
      },
    ],
    ctx.audit,
  );
  const receiptId = batch.receipts[0].id;
  await ctx.audit({
    action: "consent.recorded_by_staff",
    targetType: "customer",
    targetId: input.customerId,
    details: {
      purpose: purpose.code,
      consentAction: input.action,
      channel: input.channel,
      receiptId,
      batchId: batch.batchId,
    },
  });
  return { receiptId, batchId: batch.batchId };
}
