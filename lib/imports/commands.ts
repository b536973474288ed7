import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { customerImports } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { MAX_FILE_BYTES, readCsvFile, type FileProblem } from "./csv-file";
import { decodeCsv, type CsvEncoding } from "./decode";
import { guessMapping, importFields, mappingToHeaders, type ColumnMapping } from "./fields";
import { loadImportFile } from "./queries";
import { sealImportFile } from "./sealed-file";
import { validateRows } from "./validate";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  encoding: CsvEncoding;
}

/**
 * Stores an uploaded file, sealed, with the mapping its header row suggests. A file that cannot be
 * imported is refused and nothing is kept; the refusal is still recorded (with its reason only),
 * as every attempt to bring personal data in is.
 */
export async function createImport(
  ctx: TenantContext,
  upload: Upload,
): Promise<{ id: string } | { problem: FileProblem }> {
  const text =
    upload.bytes.byteLength > MAX_FILE_BYTES ? null : decodeCsv(upload.bytes, upload.encoding);
  const file =
    text === null
      ? {
          problem:
            upload.bytes.byteLength > MAX_FILE_BYTES ? ("tooLarge" as const) : ("notText" as const),
        }
      : readCsvFile(text);
  if ("problem" in file) {
    await ctx.audit({
      action: "customer.import_failed",
      targetType: "customer_import",
      details: { stage: "upload", reason: file.problem, bytes: upload.bytes.byteLength },
    });
    return file;
  }
  const id = randomUUID();
  await ctx.tx.insert(customerImports).values({
    orgId: ctx.orgId,
    id,
    fileName: upload.fileName.slice(0, 200) || "import.csv",
    mapping: mappingToHeaders(guessMapping(file.headers), file.headers),
    ...(await sealImportFile(ctx.tx, ctx.orgId, id, text!)),
    totalRows: file.rows.length,
    createdBy: actingUser(ctx),
  });
  await ctx.audit({
    action: "customer.import_uploaded",
    targetType: "customer_import",
    targetId: id,
    details: { rows: file.rows.length, columns: file.headers.length },
  });
  return { id };
}

/**
 * Fixes the mapping and hands the import to the job (the caller enqueues it after commit). The
 * rows are validated again here: what the confirmation promised is what the job will do.
 */
export async function startImport(ctx: TenantContext, importId: string, mapping: ColumnMapping) {
  const [row] = await ctx.tx
    .select({ status: customerImports.status })
    .from(customerImports)
    .where(and(eq(customerImports.orgId, ctx.orgId), eq(customerImports.id, importId)))
    .for("update");
  if (!row) throw new AppError("notFound");
  if (row.status !== "uploaded") throw new AppError("conflict");
  if (mapping.externalRef === undefined) throw new AppError("invalid", { externalRef: "required" });
  const file = await loadImportFile(ctx.tx, ctx.orgId, importId);
  if (!file) throw new AppError("conflict");
  if (Object.values(mapping).some((index) => !file.headers[index])) throw new AppError("invalid");
  const report = validateRows(file.rows, file.headers.length, mapping);
  await ctx.tx
    .update(customerImports)
    .set({ mapping: mappingToHeaders(mapping, file.headers), status: "running" })
    .where(and(eq(customerImports.orgId, ctx.orgId), eq(customerImports.id, importId)));
  await ctx.audit({
    action: "customer.import_started",
    targetType: "customer_import",
    targetId: importId,
    details: {
      rows: file.rows.length,
      valid: report.valid.length,
      invalid: report.invalidRows,
      fields: importFields.filter((f) => mapping[f] !== undefined),
    },
  });
  return { orgId: ctx.orgId, importId };
}
