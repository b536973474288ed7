import "server-only";
import type { Tx } from "@/db/client";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import { departmentOptions } from "@/lib/departments/queries";
import type { VendorListQuery } from "./list-query";
import { vendorPage } from "./list";
import type { Vendor } from "./queries";

const BATCH = 500;

export const vendorCsvColumns = [
  "name",
  "service",
  "country",
  "handlerRole",
  "dataCategories",
  "purposes",
  "sensitiveData",
  "crossBorder",
  "dpaStatus",
  "dpaSignedOn",
  "dpaExpiresOn",
  "certifications",
  "riskTier",
  "riskScore",
  "reviewCadenceMonths",
  "lastReviewedOn",
  "nextReviewOn",
  "reviewState",
  "ownerDepartment",
  "contactName",
  "contactEmail",
  "notes",
  "archived",
] as const;
export type VendorCsvColumn = (typeof vendorCsvColumns)[number];

/** How the reader's language names things: column headers, list options ("options.<list>.<id>"), data categories, yes/no. */
export interface CsvLabels {
  header: (column: VendorCsvColumn) => string;
  option: (list: string, id: string) => string;
  category: (id: string) => string;
  yesNo: (value: boolean) => string;
}

/**
 * The vendors matching the list's filters, in the list's order, as CSV with localised labels.
 * Read in keyset batches so a large register never needs one huge query.
 */
export async function vendorCsv(
  tx: Tx,
  orgId: string,
  query: VendorListQuery,
  labels: CsvLabels,
): Promise<{ csv: string; rows: number }> {
  const departments = new Map((await departmentOptions(tx, orgId)).map((d) => [d.id, d.name]));
  const parts = [CSV_BOM, csvRow(vendorCsvColumns.map(labels.header))];
  let rows = 0;
  let cursor: string | undefined;
  do {
    const page = await vendorPage(tx, orgId, { ...query, cursor }, BATCH);
    for (const vendor of page.rows) parts.push(csvRow(cells(vendor, labels, departments)));
    rows += page.rows.length;
    cursor = page.next;
  } while (cursor);
  return { csv: parts.join(""), rows };
}

function cells(v: Vendor, labels: CsvLabels, departments: Map<string, string>) {
  const many = (list: string, ids: string[]) => ids.map((id) => labels.option(list, id)).join("; ");
  return [
    v.name,
    v.service,
    labels.option("regions", v.country),
    labels.option("handlerRole", v.handlerRole),
    v.dataCategories.map((id) => labels.category(id)).join("; "),
    many("purposes", v.purposes),
    labels.yesNo(v.sensitiveData),
    labels.yesNo(v.crossBorder),
    labels.option("dpaStatus", v.dpaStatus),
    v.dpaSignedOn,
    v.dpaExpiresOn,
    many("certifications", v.certifications),
    labels.option("tier", v.riskTier),
    v.riskScore,
    v.reviewCadenceMonths,
    v.lastReviewedOn,
    v.nextReviewOn,
    labels.option("reviewState", v.reviewState),
    v.ownerDepartmentId ? departments.get(v.ownerDepartmentId) : null,
    v.contactName,
    v.contactEmail,
    v.notes,
    labels.yesNo(v.archivedAt !== null),
  ];
}
