import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customerImports, users } from "@/db/schema";
import { readCsvFile, type CsvFile } from "./csv-file";
import { openImportFile } from "./sealed-file";

/** Everything about an import but the file itself. */
const summaryColumns = {
  id: customerImports.id,
  fileName: customerImports.fileName,
  status: customerImports.status,
  mapping: customerImports.mapping,
  totalRows: customerImports.totalRows,
  processedRows: customerImports.processedRows,
  importedRows: customerImports.importedRows,
  errorRows: customerImports.errorRows,
  createdAt: customerImports.createdAt,
  finishedAt: customerImports.finishedAt,
  createdByName: users.name,
  hasFile: sql<boolean>`${customerImports.fileEnc} is not null`,
};

export type ImportSummary = Awaited<ReturnType<typeof listImports>>[number];

/** The organisation's imports, newest first (the history under the upload form). */
export function listImports(tx: Tx, orgId: string, limit = 50) {
  return tx
    .select(summaryColumns)
    .from(customerImports)
    .leftJoin(users, eq(users.id, customerImports.createdBy))
    .where(eq(customerImports.orgId, orgId))
    .orderBy(desc(customerImports.createdAt), desc(customerImports.id))
    .limit(limit);
}

/** One import with its row errors (row numbers, fields and message keys only). */
export async function getImport(tx: Tx, orgId: string, importId: string) {
  const [row] = await tx
    .select({ ...summaryColumns, errors: customerImports.errors })
    .from(customerImports)
    .leftJoin(users, eq(users.id, customerImports.createdBy))
    .where(and(eq(customerImports.orgId, orgId), eq(customerImports.id, importId)));
  return row;
}

/** The uploaded file, decrypted and parsed; undefined once the import has finished and cleared it. */
export async function loadImportFile(
  tx: Tx,
  orgId: string,
  importId: string,
): Promise<CsvFile | undefined> {
  const [row] = await tx
    .select({ blob: customerImports.fileEnc })
    .from(customerImports)
    .where(and(eq(customerImports.orgId, orgId), eq(customerImports.id, importId)));
  if (!row?.blob) return undefined;
  const file = readCsvFile(await openImportFile(tx, orgId, importId, row.blob));
  // The file was checked on upload; a stored file that no longer reads is a fault, not user input.
  if ("problem" in file) throw new Error(`stored import file is unreadable: ${file.problem}`);
  return file;
}
