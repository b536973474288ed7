import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import {
  fieldContext,
  personalFieldNames,
  personalFields,
  type PersonalField,
} from "@/lib/customers/fields";

export type Record_ = Record<string, string | number | boolean | null>;

/** Everything an access package holds about one customer; plain values, ready to serialise. */
export interface PackageData {
  profile: Record_;
  vouchers: Record_[];
  orders: Record_[];
  listings: Record_[];
  paymentAccounts: Record_[];
  consentReceipts: Record_[];
  requests: Record_[];
}

export const datasetNames = [
  "vouchers",
  "orders",
  "listings",
  "paymentAccounts",
  "consentReceipts",
  "requests",
] as const;
export type DatasetName = (typeof datasetNames)[number];

/** Decrypts the customer's personal fields with one data key (one key fetch, no per-field queries). */
export function decryptProfile(
  key: FieldKey,
  orgId: string,
  row: typeof customers.$inferSelect,
): Record<PersonalField, string | null> {
  const out = {} as Record<PersonalField, string | null>;
  for (const field of personalFieldNames) {
    const blob = row[personalFields[field].enc] as Buffer | null;
    out[field] = blob ? decryptField(key, blob, fieldContext(orgId, row.id, field)) : null;
  }
  return out;
}

type JsonRows = Record_[] | null;

/**
 * One round trip for every dataset: each is a json_agg over an index range of the customer
 * (orders as buyer and as seller through their own indexes). Counterparties appear only by their
 * stored masked phone; payment accounts only masked; staff who recorded consent are not named.
 */
async function datasets(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<Omit<PackageData, "profile">> {
  const {
    rows: [row],
  } = await tx.execute<Record<DatasetName, JsonRows>>(sql`
    select
      (select json_agg(v order by v."purchasedAt" desc, v.id) from (
        select v.id, v.external_ref as "externalRef", v.title, m.name as merchant, v.face_value_cents as "faceValueCents",
          v.price_paid_cents as "pricePaidCents", v.status, v.purchased_at as "purchasedAt", v.expires_at as "expiresAt"
        from vouchers v join merchants m on m.org_id = v.org_id and m.id = v.merchant_id
        where v.org_id = ${orgId} and v.owner_id = ${customerId}) v) as vouchers,
      (select json_agg(o order by o."createdAt" desc, o.id) from (
        select o.id, o.external_ref as "externalRef", 'buyer' as role, v.title, o.price_cents as "priceCents", o.status,
          o.created_at as "createdAt", o.paid_at as "paidAt", o.redeemed_at as "redeemedAt", c.phone_masked as "counterparty"
        from transfer_orders o join vouchers v on v.org_id = o.org_id and v.id = o.voucher_id
          left join customers c on c.org_id = o.org_id and c.id = o.seller_id
        where o.org_id = ${orgId} and o.buyer_id = ${customerId}
        union all
        select o.id, o.external_ref, 'seller', v.title, o.price_cents, o.status, o.created_at, o.paid_at, o.redeemed_at, c.phone_masked
        from transfer_orders o join vouchers v on v.org_id = o.org_id and v.id = o.voucher_id
          left join customers c on c.org_id = o.org_id and c.id = o.buyer_id
        where o.org_id = ${orgId} and o.seller_id = ${customerId} and o.buyer_id <> ${customerId}) o) as orders,
      (select json_agg(l order by l."createdAt" desc, l.id) from (
        select l.id, l.external_ref as "externalRef", v.title, l.asking_price_cents as "askingPriceCents", l.status, l.created_at as "createdAt"
        from transfer_listings l join vouchers v on v.org_id = l.org_id and v.id = l.voucher_id
        where l.org_id = ${orgId} and l.seller_id = ${customerId}) l) as listings,
      (select json_agg(a order by a."createdAt", a.id) from (
        select a.id, a.type, a.identifier_masked as "identifierMasked", a.created_at as "createdAt"
        from payment_accounts a where a.org_id = ${orgId} and a.customer_id = ${customerId}) a) as "paymentAccounts",
      (select json_agg(e order by e."occurredAt" desc, e."receiptId") from (
        select e.id as "receiptId", p.code as purpose, e.action, e.channel, e.source, e.locale, e.gpc,
          e.ip_truncated as "ipTruncated", e.user_agent as "userAgent", e.policy_version_id as "policyVersionId",
          e.notice_hash as "noticeHash", encode(e.content_hash, 'hex') as "contentHash", e.batch_id as "batchId",
          e.occurred_at as "occurredAt", e.recorded_at as "recordedAt"
        from consent_events e join purposes p on p.org_id = e.org_id and p.id = e.purpose_id
        where e.org_id = ${orgId} and e.customer_id = ${customerId}) e) as "consentReceipts",
      (select json_agg(r order by r."receivedOn" desc, r.reference) from (
        select r.reference, r.type, r.status, r.law, r.channel, r.received_on as "receivedOn", r.due_on as "dueOn", r.closed_at as "closedAt"
        from data_subject_requests r where r.org_id = ${orgId} and r.customer_id = ${customerId}) r) as requests`);
  return Object.fromEntries(datasetNames.map((name) => [name, row[name] ?? []])) as Omit<
    PackageData,
    "profile"
  >;
}

/**
 * The customer's data for an access or portability package: the profile decrypted under their
 * own data key (KeyDestroyedError for an erased customer), and every dataset in one query. The
 * key comes back too, to seal the package with.
 */
export async function collectPackageData(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<{ data: PackageData; key: FieldKey }> {
  // One connection: the queries run one after another anyway.
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  const key = await existingDataKey(tx, orgId, customerId);
  const rest = await datasets(tx, orgId, customerId);
  if (!row) throw new Error("customer not found");
  const personal = decryptProfile(key, orgId, row);
  const profile: Record_ = {
    id: row.id,
    externalRef: row.externalRef,
    ...personal,
    realNameVerified: row.realNameVerified,
    region: row.region,
    laws: row.laws.join(" "),
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    lastActiveAt: row.lastActiveAt ? row.lastActiveAt.toISOString() : null,
  };
  return { data: { profile, ...rest }, key };
}
