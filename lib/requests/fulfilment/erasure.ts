import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requestEvents, requestVendorTasks, vendors } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { eraseCustomer } from "@/lib/customers/commands";
import { categoriesOf, type CustomerDataKind } from "./data-categories";
import { retentionHolds, type RetentionHold } from "./holds";
import { recipientsOf } from "./recipients";
import { requestForFulfilment, requestRow } from "./request-guard";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

interface Holdings extends Record<string, unknown> {
  status: string;
  orders: number;
  consent_receipts: number;
  last_order_at: string | null;
  last_receipt_at: string | null;
  kinds: Record<CustomerDataKind, boolean>;
}

/** What the customer has, as kinds of data (for vendor categories) and counts (for the holds). One query. */
async function holdingsOf(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<Holdings | undefined> {
  const {
    rows: [row],
  } = await tx.execute<Holdings>(sql`
    select c.status,
      (select count(*) from transfer_orders o where o.org_id = c.org_id and (o.buyer_id = c.id or o.seller_id = c.id))::int as orders,
      (select max(coalesce(o.redeemed_at, o.paid_at, o.created_at)) from transfer_orders o where o.org_id = c.org_id and (o.buyer_id = c.id or o.seller_id = c.id)) as last_order_at,
      (select count(*) from consent_events e where e.org_id = c.org_id and e.customer_id = c.id)::int as consent_receipts,
      (select max(e.occurred_at) from consent_events e where e.org_id = c.org_id and e.customer_id = c.id) as last_receipt_at,
      json_build_object(
        'displayName', c.display_name_enc is not null, 'phone', c.phone_enc is not null, 'email', c.email_enc is not null,
        'nationalId', c.national_id_enc is not null, 'address', c.address_enc is not null, 'birthDate', c.birth_date_enc is not null,
        'realNameVerified', c.real_name_verified,
        'paymentAccounts', exists (select 1 from payment_accounts a where a.org_id = c.org_id and a.customer_id = c.id),
        'orders', exists (select 1 from transfer_orders o where o.org_id = c.org_id and (o.buyer_id = c.id or o.seller_id = c.id)),
        'listings', exists (select 1 from transfer_listings l where l.org_id = c.org_id and l.seller_id = c.id),
        'vouchers', exists (select 1 from vouchers v where v.org_id = c.org_id and v.owner_id = c.id),
        'deviceSignals', exists (select 1 from consent_events e where e.org_id = c.org_id and e.customer_id = c.id and (e.user_agent is not null or e.ip_truncated is not null))
      ) as kinds
    from customers c where c.org_id = ${orgId} and c.id = ${customerId}`);
  return row;
}

export interface HoldStatus {
  hold: RetentionHold;
  records: number;
  /** The hold ends this day (the newest record's date plus the period); null with no records. */
  until: string | null;
}

function holdStatuses(h: Holdings): HoldStatus[] {
  const plusYears = (iso: string | null, years: number) => {
    if (!iso) return null;
    const d = new Date(iso);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.toISOString().slice(0, 10);
  };
  return retentionHolds
    .map((hold) => {
      const [records, last] =
        hold.records === "orders"
          ? [h.orders, h.last_order_at]
          : [h.consent_receipts, h.last_receipt_at];
      return { hold, records, until: records > 0 ? plusYears(last, hold.years) : null };
    })
    .filter((s) => s.records > 0);
}

const vendorsNamed = (tx: Tx, orgId: string, ids: string[]) =>
  tx
    .select({
      id: vendors.id,
      name: vendors.name,
      archived: sql<boolean>`${vendors.archivedAt} is not null`,
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)))
    .orderBy(asc(vendors.name));

/**
 * What erasing this customer will do, for the confirm dialog: the data categories they have, the
 * vendors that received their data (recipients of the purposes that applied to them, archived
 * vendors too: they may still hold copies) that will get a task, and the holds. A task names the
 * categories its purposes send that the customer has (all the purposes send, if none match).
 */
export async function erasurePreview(tx: Tx, orgId: string, customerId: string) {
  const holdings = await holdingsOf(tx, orgId, customerId);
  if (!holdings) throw new AppError("notFound");
  const categories = categoriesOf(holdings.kinds);
  const received = await recipientsOf(tx, orgId, customerId);
  const named = received.size === 0 ? [] : await vendorsNamed(tx, orgId, [...received.keys()]);
  return {
    erased: holdings.status === "erased",
    categories,
    holds: holdStatuses(holdings),
    vendors: named.map((v) => {
      const sent = received.get(v.id) ?? [];
      const held = sent.filter((c) => categories.includes(c as never));
      return { ...v, dataCategories: held.length > 0 ? held : sent };
    }),
  };
}

/**
 * Erases the request's customer: the vault's crypto-shredding erase (customer.erased audited by
 * eraseCustomer), then one task per vendor that received their data (erasurePreview), with the
 * categories copied. Runs in the caller's transaction; a second run after
 * the erasure is refused.
 */
export async function eraseForRequest(
  ctx: TenantContext,
  requestId: string,
): Promise<{ vendorTasks: number; holds: HoldStatus[] }> {
  const request = await requestForFulfilment(ctx, requestId, "erasure");
  const preview = await erasurePreview(ctx.tx, ctx.orgId, request.customerId);
  if (preview.erased) throw new AppError("conflict");
  await eraseCustomer(ctx, request.customerId);
  if (preview.vendors.length > 0) {
    await ctx.tx
      .insert(requestVendorTasks)
      .values(
        preview.vendors.map((v) => ({
          orgId: ctx.orgId,
          requestId,
          vendorId: v.id,
          dataCategories: v.dataCategories,
        })),
      )
      .onConflictDoNothing();
  }
  await ctx.tx.insert(requestEvents).values({
    orgId: ctx.orgId,
    requestId,
    kind: "fulfilment",
    actorUserId: actingUserId(ctx),
    visibleToRequester: true,
    data: {
      step: "erased",
      vendorTasks: preview.vendors.length,
      heldOrders: preview.holds.find((h) => h.hold.records === "orders")?.records ?? 0,
    },
  });
  return { vendorTasks: preview.vendors.length, holds: preview.holds };
}

/** The request's vendor tasks with each vendor's name, by name. */
export function vendorTasksOf(tx: Tx, orgId: string, requestId: string) {
  return tx
    .select({
      id: requestVendorTasks.id,
      vendorId: requestVendorTasks.vendorId,
      vendorName: vendors.name,
      dataCategories: requestVendorTasks.dataCategories,
      status: requestVendorTasks.status,
      confirmedAt: requestVendorTasks.confirmedAt,
    })
    .from(requestVendorTasks)
    .innerJoin(
      vendors,
      and(eq(vendors.orgId, requestVendorTasks.orgId), eq(vendors.id, requestVendorTasks.vendorId)),
    )
    .where(and(eq(requestVendorTasks.orgId, orgId), eq(requestVendorTasks.requestId, requestId)))
    .orderBy(asc(vendors.name), asc(requestVendorTasks.id));
}

/** Staff record that a vendor confirmed the deletion (or that it never held this customer's data). */
export async function decideVendorTask(
  ctx: TenantContext,
  requestId: string,
  taskId: string,
  status: "confirmed" | "not_applicable",
): Promise<void> {
  const request = await requestRow(ctx.tx, ctx.orgId, requestId, true);
  if (!request) throw new AppError("notFound");
  if (request.status === "completed" || request.status === "rejected")
    throw new AppError("conflict");
  const [task] = await ctx.tx
    .update(requestVendorTasks)
    .set({ status, confirmedAt: new Date(), confirmedBy: actingUserId(ctx), updatedAt: new Date() })
    .where(
      and(
        eq(requestVendorTasks.orgId, ctx.orgId),
        eq(requestVendorTasks.requestId, requestId),
        eq(requestVendorTasks.id, taskId),
        eq(requestVendorTasks.status, "open"),
      ),
    )
    .returning({ vendorId: requestVendorTasks.vendorId });
  if (!task) throw new AppError("conflict");
  await ctx.audit({
    action: "request.vendor_task_confirmed",
    targetType: "request",
    targetId: requestId,
    details: { taskId, vendorId: task.vendorId, status },
  });
}
