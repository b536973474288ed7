import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { customerImports } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { resumeStalled } from "@/lib/core/jobs/resume-stalled";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { inTenant } from "@/lib/core/tenancy/context";
import { upsertCounts, upsertCustomers } from "@/lib/customers/commands";
import type { CsvFile } from "./csv-file";
import { mappingFromHeaders } from "./fields";
import { loadImportFile } from "./queries";
import type { RowError } from "./row-errors";
import { validateRows, type ValidationReport } from "./validate";
import { log } from "@/lib/core/log/logger";

export const IMPORT_CHUNK_ROWS = 500;
/** Row errors kept for the result page; the count covers all of them. */
export const IMPORT_ERRORS_KEPT = 1000;

const actor = jobActor("customer-import");
const audits = ["customer.batch_upserted", "customer.import_completed", "customer.import_failed"];
const byId = (orgId: string, importId: string) =>
  and(eq(customerImports.orgId, orgId), eq(customerImports.id, importId));

const lockRunning = async (tx: Tx, orgId: string, importId: string) => {
  const [row] = await tx.select().from(customerImports).where(byId(orgId, importId)).for("update");
  return row?.status === "running" ? row : undefined;
};

/** What the job needs from the file: the rows, and each row's outcome under the saved mapping. */
async function prepare(
  orgId: string,
  importId: string,
): Promise<{ file: CsvFile; report: ValidationReport } | undefined> {
  return withTenant(orgId, async (tx) => {
    const row = await lockRunning(tx, orgId, importId);
    if (!row) return undefined;
    const file = await loadImportFile(tx, orgId, importId);
    if (!file) throw new Error("a running import has no file");
    return {
      file,
      report: validateRows(
        file.rows,
        file.headers.length,
        mappingFromHeaders(row.mapping, file.headers),
      ),
    };
  });
}

/**
 * Imports the next chunk of rows, from `processed_rows`, in one transaction with its counts, its
 * row errors and its audit event: a crash loses at most the chunk in flight, which is redone.
 * Returns false when there is nothing left (or the import is no longer running).
 */
async function importChunk(
  orgId: string,
  importId: string,
  file: CsvFile,
  report: ValidationReport,
): Promise<boolean> {
  return inTenant(orgId, actor, async ({ tx, audit }) => {
    const row = await lockRunning(tx, orgId, importId);
    if (!row || row.processedRows >= file.rows.length) return false;
    const chunk = file.rows.slice(row.processedRows, row.processedRows + IMPORT_CHUNK_ROWS);
    const numbers = new Set(chunk.map((r) => r.row));
    const inputs = report.valid.filter((v) => numbers.has(v.row)).map((v) => v.input);
    const errors: RowError[] = report.errors.filter((e) => numbers.has(e.row));
    const counts = upsertCounts(await upsertCustomers(tx, orgId, inputs));
    await tx
      .update(customerImports)
      .set({
        processedRows: row.processedRows + chunk.length,
        importedRows: row.importedRows + inputs.length,
        errorRows: row.errorRows + chunk.length - inputs.length,
        errors: [...row.errors, ...errors].slice(0, IMPORT_ERRORS_KEPT),
      })
      .where(byId(orgId, importId));
    await audit({
      action: "customer.batch_upserted",
      targetType: "customer_import",
      targetId: importId,
      details: { ...counts, rows: chunk.length, skipped: chunk.length - inputs.length },
    });
    return true;
  });
}

/** Done: the file (personal data) is no longer kept, only the counts and the row errors. */
async function finish(orgId: string, importId: string) {
  await inTenant(orgId, actor, async ({ tx, audit }) => {
    const row = await lockRunning(tx, orgId, importId);
    if (!row) return;
    await tx
      .update(customerImports)
      .set({ status: "completed", fileEnc: null, fileKeyVersion: null, finishedAt: new Date() })
      .where(byId(orgId, importId));
    await audit({
      action: "customer.import_completed",
      targetType: "customer_import",
      targetId: importId,
      details: { rows: row.totalRows, imported: row.importedRows, skipped: row.errorRows },
    });
  });
}

async function fail(orgId: string, importId: string, error: Error) {
  await inTenant(orgId, actor, async ({ tx, audit }) => {
    const row = await lockRunning(tx, orgId, importId);
    if (!row) return;
    await tx
      .update(customerImports)
      .set({ status: "failed", fileEnc: null, fileKeyVersion: null, finishedAt: new Date() })
      .where(byId(orgId, importId));
    await audit({
      action: "customer.import_failed",
      targetType: "customer_import",
      targetId: importId,
      details: {
        stage: "run",
        processed: row.processedRows,
        imported: row.importedRows,
        error: error.name,
      },
    });
  });
}

/**
 * Runs (or resumes) an import: chunk after chunk from where the last run stopped, then completes
 * it. Safe to deliver twice: each chunk re-reads the position under a row lock, and an import
 * that is not running is left alone. `maxChunks` stops early, as a crash would (tests).
 */
export async function runCustomerImport(
  orgId: string,
  importId: string,
  opts: { maxChunks?: number; held?: () => boolean } = {},
): Promise<"completed" | "stopped" | "skipped" | "failed"> {
  try {
    const prepared = await prepare(orgId, importId);
    if (!prepared) return "skipped";
    for (let chunks = 0; ; chunks += 1) {
      if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) return "stopped";
      // The job's lease was lost, or the worker is stopping: the next runner resumes from here.
      if (opts.held && !opts.held()) return "stopped";
      if (!(await importChunk(orgId, importId, prepared.file, prepared.report))) break;
    }
    await finish(orgId, importId);
    return "completed";
  } catch (error) {
    // Logged by id and error name only: messages from deep down may quote a value.
    log.error({ orgId, importId, err: error }, "customer import failed");
    await fail(orgId, importId, error as Error);
    return "failed";
  }
}

const jobData = z.object({ orgId: z.uuid(), importId: z.uuid() });

/**
 * Enqueued by "Run import"; one delivery per import, run under the import's lease: a worker that
 * dies mid-way is replaced within a minute, and the import resumes from its last committed chunk.
 */
export const customerImportJob = defineJob({
  name: "customer-import",
  audits,
  resumable: {
    key: (data) => {
      const { orgId, importId } = jobData.parse(data);
      return `${orgId}:${importId}`;
    },
    run: async (data, lease) => {
      const { orgId, importId } = jobData.parse(data);
      await runCustomerImport(orgId, importId, { held: lease.held });
    },
  },
});

/**
 * Resumes imports still running 30 minutes after upload whose job was lost (not sent after
 * commit, or out of retries). A second runner beside a live one is safe: chunks lock their row.
 */
export const customerImportSweepJob = defineJob({
  name: "customer-import-sweep",
  cron: "15,45 * * * *",
  audits,
  run: async () => {
    await resumeStalled(
      async (tx, orgId) =>
        (
          await tx
            .select({ id: customerImports.id })
            .from(customerImports)
            .where(
              and(
                eq(customerImports.orgId, orgId),
                eq(customerImports.status, "running"),
                lt(customerImports.createdAt, sql`now() - interval '30 minutes'`),
              ),
            )
        ).map((r) => r.id),
      (orgId, importId) => customerImportJob.run({ orgId, importId }),
    );
  },
});
