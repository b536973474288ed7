import "server-only";
import type { Tx } from "@/db/client";
import { canonicalJson } from "./canonical";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import { listAuditEvents, type AuditFilters, type AuditRow } from "./queries";

const BATCH = 1000;

export const auditCsvColumns = [
  "seq",
  "occurredAt",
  "actorType",
  "actorId",
  "actorName",
  "action",
  "actionLabel",
  "targetType",
  "targetId",
  "details",
] as const;
export type AuditCsvColumn = (typeof auditCsvColumns)[number];

/**
 * The filtered log as CSV, newest first, read in keyset batches. Times are ISO UTC so the
 * file means the same everywhere; `label` localises action names for the reader.
 */
export async function auditCsv(
  tx: Tx,
  filters: AuditFilters,
  headers: Record<AuditCsvColumn, string>,
  label: (action: string) => string,
): Promise<{ csv: string; rows: number }> {
  const parts = [CSV_BOM, csvRow(auditCsvColumns.map((c) => headers[c]))];
  let rows = 0;
  let cursor: number | undefined;
  do {
    const page = await listAuditEvents(tx, filters, { cursor, limit: BATCH });
    for (const row of page.rows) parts.push(csvRow(cells(row, label)));
    rows += page.rows.length;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { csv: parts.join(""), rows };
}

function cells(row: AuditRow, label: (action: string) => string) {
  return [
    row.seq,
    row.occurredAt,
    row.actorType,
    row.actorId,
    row.actorName,
    row.action,
    label(row.action),
    row.targetType,
    row.targetId,
    canonicalJson(row.details),
  ];
}
