import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { customers, paymentAccounts } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { AppError } from "@/lib/core/errors";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import type { PersonalField } from "@/lib/customers/fields";
import { revealField } from "@/lib/customers/queries";
import { revealLimit, revealReasons, revealTargets } from "@/lib/customers/reveal-options";
import { blank } from "@/lib/core/validation/form-fields";

/** A reveal request from the dialog: which value, and why (a reason code, and a note for "other"). */
export const revealInput = z
  .object({
    customerId: z.uuid(),
    field: z.enum(revealTargets),
    accountId: z.preprocess(blank, z.uuid().optional()),
    reason: z.enum(revealReasons),
    note: z.preprocess((v) => blank(v) ?? "", z.string().trim().max(200)),
  })
  .superRefine((input, ctx) => {
    if (input.reason === "other" && input.note === "")
      ctx.addIssue({ code: "custom", path: ["note"], message: "errors.required" });
    if (input.field === "paymentAccount" && !input.accountId)
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "errors.required" });
  });

export type RevealInput = z.infer<typeof revealInput>;

const WINDOW_SECONDS = 3600;

/**
 * A refusal the dialog explains in its own words: the field name marks which (the message under
 * it is the generic localised one from `errors`).
 */
export const revealRefusals = { erased: "erased", throttled: "throttled" } as const;

/** Decrypts a payment account's full identifier under its customer's data key. */
export async function revealPaymentAccount(
  tx: Tx,
  orgId: string,
  customerId: string,
  accountId: string,
): Promise<string> {
  const [row] = await tx
    .select({ blob: paymentAccounts.identifierEnc })
    .from(paymentAccounts)
    .where(
      and(
        eq(paymentAccounts.orgId, orgId),
        eq(paymentAccounts.id, accountId),
        eq(paymentAccounts.customerId, customerId),
      ),
    );
  if (!row) throw new AppError("notFound");
  const key = await existingDataKey(tx, orgId, customerId);
  return decryptField(key, row.blob, {
    orgId,
    table: "payment_accounts",
    column: "identifier_enc",
    rowId: accountId,
  });
}

/**
 * Reveals one value with its stated reason: refused for an erased customer and beyond the
 * person's hourly allowance (then nothing is decrypted, and the refused hit is not counted, as the
 * transaction rolls back). The audit event names the field and the reason, never the value.
 */
export async function revealValue(ctx: ActionContext, input: RevealInput): Promise<string | null> {
  const { tx, orgId, user: actor } = ctx;
  const [customer] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, input.customerId)));
  if (!customer) throw new AppError("notFound");
  if (customer.status === "erased")
    throw new AppError("notFound", { [revealRefusals.erased]: "notFound" });
  if (
    !(await allowHit(
      tx,
      rateLimitKey("reveal", actor.userId),
      revealLimit(actor.role),
      WINDOW_SECONDS,
    ))
  ) {
    throw new AppError("rateLimited", { [revealRefusals.throttled]: "rateLimited" });
  }
  const value =
    input.field === "paymentAccount"
      ? await revealPaymentAccount(tx, orgId, input.customerId, input.accountId!)
      : await revealField(tx, orgId, input.customerId, input.field as PersonalField);
  await ctx.audit({
    action: "customer.revealed",
    targetType: "customer",
    targetId: input.customerId,
    details: {
      field: input.field,
      ...(input.accountId && { accountId: input.accountId }),
      reason: input.reason,
      note: input.note,
    },
  });
  return value;
}
