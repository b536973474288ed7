import "server-only";
import { and, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vendors } from "@/db/schema";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import type { VendorListQuery, VendorSort } from "./list-query";

type Vendor = typeof vendors.$inferSelect;

/** What a row of the vendor list shows (contact details and notes stay on the detail page). */
export type VendorListRow = Pick<
  Vendor,
  | "id"
  | "name"
  | "service"
  | "country"
  | "handlerRole"
  | "riskTier"
  | "riskScore"
  | "dpaStatus"
  | "dpaExpiresOn"
  | "dpaExpiring"
  | "crossBorder"
  | "sensitiveData"
  | "nextReviewOn"
  | "reviewState"
  | "updatedAt"
> & { archived: boolean };

// Each sort is one column with its (org_id, column, id) index; the cursor holds its value.
const sortColumns = {
  name: vendors.name,
  risk: vendors.riskScore,
  nextReview: vendors.nextReviewOn,
  updated: vendors.updatedAt,
} as const;

const sortValue: Record<VendorSort, (row: Vendor) => string | number> = {
  name: (r) => r.name,
  risk: (r) => r.riskScore,
  nextReview: (r) => r.nextReviewOn,
  updated: (r) => r.updatedAt,
};

/** Treats LIKE's wildcards in the search text as plain characters. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list's WHERE clause. The org condition repeats RLS so the planner uses the keyset indexes. */
export function filterConditions(orgId: string, query: VendorListQuery): SQL | undefined {
  const conditions: Array<SQL | undefined> = [eq(vendors.orgId, orgId)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(vendors.name, pattern), ilike(vendors.service, pattern)));
  }
  if (query.tier) conditions.push(eq(vendors.riskTier, query.tier));
  if (query.dpa === "expiring") conditions.push(eq(vendors.dpaExpiring, true));
  else if (query.dpa === "missing")
    conditions.push(inArray(vendors.dpaStatus, ["none", "draft", "expired"]));
  else if (query.dpa) conditions.push(eq(vendors.dpaStatus, query.dpa));
  if (query.crossBorder) conditions.push(eq(vendors.crossBorder, query.crossBorder === "yes"));
  if (query.role) conditions.push(eq(vendors.handlerRole, query.role));
  if (query.review) conditions.push(eq(vendors.reviewState, query.review));
  if (!query.archived) conditions.push(isNull(vendors.archivedAt));
  return and(...conditions);
}

/** A cursor from another sort (or tampered with) is ignored: the list restarts at its first page. */
function cursorFor(sort: VendorSort, raw: string | undefined): Cursor | undefined {
  const cursor = decodeCursor(raw);
  if (!cursor) return undefined;
  return typeof cursor.v === (sort === "risk" ? "number" : "string") ? cursor : undefined;
}

/** One page of vendors in keyset order, and the cursor of the next page when there is one. */
export async function vendorPage(
  tx: Tx,
  orgId: string,
  query: VendorListQuery,
  pageSize: number,
): Promise<{ rows: Vendor[]; next?: string }> {
  const column = sortColumns[query.sort];
  const found = await tx
    .select()
    .from(vendors)
    .where(
      and(
        filterConditions(orgId, query),
        afterCursor(column, vendors.id, query.dir, cursorFor(query.sort, query.cursor)),
      ),
    )
    .orderBy(...keysetOrder(column, vendors.id, query.dir))
    .limit(pageSize + 1);
  const page = pageOf(found, pageSize, (row) => ({ v: sortValue[query.sort](row), id: row.id }));
  return { rows: page.rows, next: page.next && encodeCursor(page.next) };
}

export async function listVendors(
  tx: Tx,
  orgId: string,
  query: VendorListQuery,
  pageSize: number,
): Promise<{ rows: VendorListRow[]; next?: string }> {
  const page = await vendorPage(tx, orgId, query, pageSize);
  const rows = page.rows.map((v): VendorListRow => ({
    id: v.id,
    name: v.name,
    service: v.service,
    country: v.country,
    handlerRole: v.handlerRole,
    riskTier: v.riskTier,
    riskScore: v.riskScore,
    dpaStatus: v.dpaStatus,
    dpaExpiresOn: v.dpaExpiresOn,
    dpaExpiring: v.dpaExpiring,
    crossBorder: v.crossBorder,
    sensitiveData: v.sensitiveData,
    nextReviewOn: v.nextReviewOn,
    reviewState: v.reviewState,
    updatedAt: v.updatedAt,
    archived: v.archivedAt !== null,
  }));
  return { rows, next: page.next };
}
