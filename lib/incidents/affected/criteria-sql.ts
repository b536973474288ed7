import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AffectedCriteria } from "@/db/schema/incidents";
import type { VaultCategory } from "./vault-categories";

/** Each vault category as a condition on the customer row `c` (vault-categories.ts says where). */
const categoryCondition: Record<VaultCategory, SQL> = {
  identity: sql`(c.display_name_enc is not null or c.birth_date_enc is not null)`,
  contact: sql`(c.phone_enc is not null or c.email_enc is not null)`,
  national_id: sql`c.national_id_enc is not null`,
  location: sql`c.address_enc is not null`,
  // PIPL Art. 28: information of a minor under 14 (a birth date on file less than 14 years ago).
  minors: sql`(c.minor_born_on is not null and c.minor_born_on > (now() at time zone 'Asia/Shanghai')::date - interval '14 years')`,
  financial: sql`exists (select 1 from payment_accounts p where p.org_id = c.org_id and p.customer_id = c.id)`,
  vouchers: sql`exists (select 1 from vouchers v where v.org_id = c.org_id and v.owner_id = c.id)`,
  transactions: sql`(exists (select 1 from transfer_orders o where o.org_id = c.org_id and o.buyer_id = c.id) or exists (select 1 from transfer_orders o where o.org_id = c.org_id and o.seller_id = c.id))`,
};

/** Orders the customer bought or sold in, narrowed by the window and the merchant when given. */
function orderCondition(criteria: Extract<AffectedCriteria, { kind: "criteria" }>): SQL | null {
  if (!criteria.merchantId && !criteria.ordersFrom && !criteria.ordersTo) return null;
  const parts: SQL[] = [];
  if (criteria.ordersFrom) parts.push(sql`o.created_at >= ${criteria.ordersFrom}::timestamptz`);
  if (criteria.ordersTo) parts.push(sql`o.created_at < ${criteria.ordersTo}::timestamptz`);
  if (criteria.merchantId)
    parts.push(
      sql`exists (select 1 from vouchers v where v.org_id = o.org_id and v.id = o.voucher_id and v.merchant_id = ${criteria.merchantId}::uuid)`,
    );
  const narrowed = sql.join(parts, sql` and `);
  const orders = (side: SQL) =>
    sql`exists (select 1 from transfer_orders o where o.org_id = c.org_id and ${side} = c.id and ${narrowed})`;
  const asTrader = sql`(${orders(sql`o.buyer_id`)} or ${orders(sql`o.seller_id`)})`;
  // A merchant's customers also include those holding one of its vouchers, bought or not resold.
  if (criteria.merchantId && !criteria.ordersFrom && !criteria.ordersTo)
    return sql`(${asTrader} or exists (select 1 from vouchers v where v.org_id = c.org_id and v.owner_id = c.id and v.merchant_id = ${criteria.merchantId}::uuid))`;
  return asTrader;
}

/** Whether customer `c` is selected: never an erased one; every stated part must hold. */
export function selectedCondition(criteria: AffectedCriteria): SQL {
  const parts: SQL[] = [sql`c.status <> 'erased'`];
  if (criteria.kind === "criteria") {
    const categories = criteria.categories as VaultCategory[];
    if (categories.length > 0)
      parts.push(
        sql`(${sql.join(
          categories.map((c) => categoryCondition[c]),
          sql` or `,
        )})`,
      );
    const orders = orderCondition(criteria);
    if (orders) parts.push(orders);
  }
  return sql.join(parts, sql` and `);
}
