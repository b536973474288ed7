import { z } from "zod";
import { customerLaws, customerStatuses } from "@/db/schema/customers";
import { customerInput } from "@/lib/customers/schemas";
import {
  listingInput,
  merchantInput,
  orderInput,
  paymentAccountInput,
  voucherInput,
} from "@/lib/vault/schemas";
import { MAX_BATCH_ITEMS } from "./body";

// The request and response bodies of /api/v1: the handlers parse with these and the OpenAPI
// document is generated from them, so the two cannot drift apart.

/**
 * `{ items: [...] }`, 1–1000 items, each externalRef at most once per batch. The duplicate check
 * runs even when other items failed, so one answer lists every problem.
 */
export function batchOf<T extends z.ZodType<{ externalRef: string }>>(item: T, id: string) {
  return z
    .object({ items: z.array(item).min(1).max(MAX_BATCH_ITEMS) })
    .superRefine(
      (body, ctx) => {
        const seen = new Set<string>();
        const items: unknown[] = Array.isArray(body?.items) ? body.items : [];
        items.forEach((entry, index) => {
          const ref = (entry as { externalRef?: unknown } | null)?.externalRef;
          if (typeof ref !== "string") return;
          if (seen.has(ref.trim()))
            ctx.addIssue({
              code: "custom",
              path: ["items", index, "externalRef"],
              message: "errors.duplicateExternalRef",
            });
          seen.add(ref.trim());
        });
      },
      { when: () => true },
    )
    .meta({ id });
}

/** The console's customer schema, named for the API document. */
export const customerItem = customerInput.meta({ id: "CustomerInput" });
export const customerBatchRequest = batchOf(customerItem, "CustomerBatchRequest");
export const merchantBatchRequest = batchOf(merchantInput, "MerchantBatchRequest");
export const voucherBatchRequest = batchOf(voucherInput, "VoucherBatchRequest");
export const listingBatchRequest = batchOf(listingInput, "ListingBatchRequest");
export const orderBatchRequest = batchOf(orderInput, "OrderBatchRequest");
export const paymentAccountBatchRequest = batchOf(
  paymentAccountInput,
  "PaymentAccountBatchRequest",
);

export const customerBatchResponse = z
  .object({
    results: z.array(
      z.object({
        externalRef: z.string(),
        id: z.uuid().meta({
          description:
            "Privacy Desk's id of the customer; keep it to follow erasures in the changes feed.",
        }),
        created: z.boolean(),
        changedFields: z
          .array(z.string())
          .meta({ description: "Names of the fields that changed (never values)." }),
      }),
    ),
    counts: z.object({ created: z.int(), updated: z.int(), unchanged: z.int() }),
  })
  .meta({ id: "CustomerBatchResponse" });

export const vaultBatchResponse = z
  .object({
    results: z.array(z.object({ externalRef: z.string(), id: z.uuid(), created: z.boolean() })),
    counts: z.object({ created: z.int(), updated: z.int() }),
  })
  .meta({ id: "BatchResponse" });

const masked = (description: string, example: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `${description}, masked (e.g. ${example}); never the full value.` });

export const customerView = z
  .object({
    id: z.uuid(),
    externalRef: z.string(),
    status: z.enum(customerStatuses),
    displayName: masked("Name", "张*"),
    phone: masked("Mobile phone", "138****8000"),
    email: masked("Email", "z***@example.com"),
    nationalId: masked("National ID number", "1101**********002X"),
    address: masked("Address", "北京市****"),
    birthDate: masked("Birth date", "1949-**-**"),
    realNameVerified: z.boolean(),
    region: z.string().nullable(),
    laws: z.array(z.enum(customerLaws)),
    createdAt: z.iso.datetime({ offset: true }),
    lastActiveAt: z.iso.datetime({ offset: true }).nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "Customer" });

export const changesQuery = z.object({
  cursor: z.string().max(200).optional().meta({
    description: "The `next` value of the previous page; omit to start from the beginning.",
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const changesResponse = z
  .object({
    items: z.array(customerView).meta({
      description:
        "Customers changed since the cursor, oldest change first. Erased customers have status erased and no personal data (all masked fields null).",
    }),
    next: z.string().meta({
      description:
        "Pass as `cursor` to continue; it is returned even on an empty page, to poll from.",
    }),
  })
  .meta({ id: "CustomerChanges" });
