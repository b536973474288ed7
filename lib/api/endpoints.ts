import "server-only";
import { upsertCounts, upsertCustomers } from "@/lib/customers/commands";
import {
  UnknownReferenceError,
  upsertListings,
  upsertMerchants,
  upsertOrders,
  upsertPaymentAccounts,
  upsertVouchers,
  type VaultUpsertResult,
} from "@/lib/vault/commands";
import { customerByRef, customerChanges } from "./customer-feed";
import { defineEndpoint, type EndpointContext } from "./define-endpoint";
import { ApiProblem } from "./problem";
import {
  changesQuery,
  customerBatchRequest,
  listingBatchRequest,
  merchantBatchRequest,
  orderBatchRequest,
  paymentAccountBatchRequest,
  voucherBatchRequest,
} from "./schemas";
import { itemErrors } from "./validation";

export const upsertCustomerBatch = defineEndpoint({
  scope: "customers:write",
  body: customerBatchRequest,
  run: async ({ caller, tx, audit }, { items }) => {
    const results = await upsertCustomers(tx, caller.orgId, items);
    const counts = upsertCounts(results);
    await audit({
      action: "customer.batch_upserted",
      targetType: "customer",
      details: { ...counts, items: results.length },
    });
    return {
      status: 200,
      body: {
        results: results.map((r) => ({
          externalRef: r.externalRef,
          id: r.id,
          created: r.created,
          changedFields: r.fields,
        })),
        counts,
      },
    };
  },
});

/** One vault batch: refused whole (422, an error per item) when any reference is unknown. */
const vaultBatch =
  <T>(entity: string, upsert: (ctx: EndpointContext, items: T[]) => Promise<VaultUpsertResult>) =>
  async (ctx: EndpointContext, { items }: { items: T[] }) => {
    let outcome: VaultUpsertResult;
    try {
      outcome = await upsert(ctx, items);
    } catch (error) {
      if (error instanceof UnknownReferenceError)
        throw new ApiProblem(
          "validation",
          "Some items refer to records that do not exist; nothing was written.",
          error.problems,
        );
      throw error;
    }
    await ctx.audit({
      action: "vault.batch_upserted",
      targetType: "vault",
      details: { entity, ...outcome.counts, items: items.length },
    });
    return { status: 200, body: outcome };
  };

export const upsertMerchantBatch = defineEndpoint({
  scope: "orders:write",
  body: merchantBatchRequest,
  run: vaultBatch("merchants", ({ tx, caller }, items) => upsertMerchants(tx, caller.orgId, items)),
});
export const upsertVoucherBatch = defineEndpoint({
  scope: "orders:write",
  body: voucherBatchRequest,
  run: vaultBatch("vouchers", ({ tx, caller }, items) => upsertVouchers(tx, caller.orgId, items)),
});
export const upsertListingBatch = defineEndpoint({
  scope: "orders:write",
  body: listingBatchRequest,
  run: vaultBatch("transfer_listings", ({ tx, caller }, items) =>
    upsertListings(tx, caller.orgId, items),
  ),
});
export const upsertOrderBatch = defineEndpoint({
  scope: "orders:write",
  body: orderBatchRequest,
  run: vaultBatch("transfer_orders", ({ tx, caller }, items) =>
    upsertOrders(tx, caller.orgId, items),
  ),
});
export const upsertPaymentAccountBatch = defineEndpoint({
  scope: "customers:write",
  body: paymentAccountBatchRequest,
  run: vaultBatch("payment_accounts", ({ tx, caller }, items) =>
    upsertPaymentAccounts(tx, caller.orgId, items),
  ),
});

export const getCustomer = defineEndpoint({
  scope: "customers:read",
  run: async ({ caller, tx, params, audit }) => {
    const customer = await customerByRef(tx, caller.orgId, params.externalRef ?? "");
    if (!customer)
      throw new ApiProblem(
        "notFound",
        "No customer with this externalRef (or the customer has been erased).",
      );
    await audit({
      action: "customer.read",
      targetType: "customer",
      targetId: customer.id,
      details: { via: "api" },
    });
    return { status: 200, body: customer };
  },
});

export const listCustomerChanges = defineEndpoint({
  scope: "customers:read",
  run: async ({ caller, tx, request, audit }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = changesQuery.safeParse(query);
    if (!parsed.success)
      throw new ApiProblem(
        "validation",
        "The query parameters are not valid.",
        itemErrors(parsed.error, query),
      );
    const page = await customerChanges(tx, caller.orgId, parsed.data);
    await audit({
      action: "customer.changes_read",
      targetType: "customer",
      details: { count: page.items.length },
    });
    return { status: 200, body: page };
  },
});
