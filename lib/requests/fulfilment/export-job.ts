import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, requestEvents, requestExports } from "@/db/schema";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { resumeStalled } from "@/lib/core/jobs/resume-stalled";
import { inTenant } from "@/lib/core/tenancy/context";
import { EXPORT_VALID_DAYS, sealPackage } from "./exports";
import { buildPackage } from "./package/build";
import { collectPackageData } from "./package/collect";
import { log } from "@/lib/core/log/logger";

const actor = jobActor("request-export");
const byId = (orgId: string, exportId: string) =>
  and(eq(requestExports.orgId, orgId), eq(requestExports.id, exportId));

/**
 * Builds one package in one transaction: lock the building row (a second delivery finds it
 * ready and stops), read everything in a handful of queries, decrypt with the customer's one
 * data key, zip, seal under that key, store with its hash, size, counts and expiry, audit counts
 * only. Returns what happened.
 */
export async function runRequestExport(
  orgId: string,
  exportId: string,
  now = new Date(),
): Promise<"ready" | "skipped" | "failed"> {
  try {
    return await inTenant(orgId, actor, async ({ tx, audit }) => {
      const [row] = await tx
        .select({
          status: requestExports.status,
          requestId: requestExports.requestId,
          reference: dataSubjectRequests.reference,
          customerId: dataSubjectRequests.customerId,
          locale: dataSubjectRequests.locale,
        })
        .from(requestExports)
        .innerJoin(
          dataSubjectRequests,
          and(
            eq(dataSubjectRequests.orgId, requestExports.orgId),
            eq(dataSubjectRequests.id, requestExports.requestId),
          ),
        )
        .where(byId(orgId, exportId))
        .for("update", { of: requestExports });
      if (!row || row.status !== "building" || !row.customerId) return "skipped";
      const { data, key } = await collectPackageData(tx, orgId, row.customerId);
      const built = buildPackage(data, {
        reference: row.reference,
        generatedAt: now,
        locale: asAppLocale(row.locale),
      });
      const expiresAt = new Date(now.getTime() + EXPORT_VALID_DAYS * 86_400_000);
      await tx
        .update(requestExports)
        .set({
          status: "ready",
          fileEnc: sealPackage(key, orgId, exportId, built.zip),
          sizeBytes: built.zip.length,
          sha256: built.sha256,
          counts: built.counts,
          readyAt: now,
          expiresAt,
        })
        .where(byId(orgId, exportId));
      await tx.insert(requestEvents).values({
        orgId,
        requestId: row.requestId,
        kind: "fulfilment",
        visibleToRequester: true,
        data: { step: "export_ready", exportId, expiresAt: expiresAt.toISOString() },
      });
      await audit({
        action: "request.export_built",
        targetType: "request",
        targetId: row.requestId,
        details: { exportId, sizeBytes: built.zip.length, ...built.counts },
      });
      return "ready" as const;
    });
  } catch (error) {
    // By id and error name only: a message from deep down may quote a value.
    log.error({ orgId, exportId, err: error }, "request export failed");
    await inTenant(orgId, actor, async ({ tx, audit }) => {
      const [failed] = await tx
        .update(requestExports)
        .set({ status: "failed" })
        .where(and(byId(orgId, exportId), eq(requestExports.status, "building")))
        .returning({ requestId: requestExports.requestId });
      if (failed)
        await audit({
          action: "request.export_failed",
          targetType: "request",
          targetId: failed.requestId,
          details: { exportId, error: (error as Error).name },
        });
    });
    return "failed";
  }
}

/** Ready packages past their 7 days lose their file (the ciphertext goes, the counts stay). */
export async function expireExports(tx: Tx, orgId: string, now = new Date()): Promise<number> {
  const expired = await tx
    .update(requestExports)
    .set({ status: "expired", fileEnc: null })
    .where(
      and(
        eq(requestExports.orgId, orgId),
        eq(requestExports.status, "ready"),
        lt(requestExports.expiresAt, now),
      ),
    )
    .returning({ id: requestExports.id });
  return expired.length;
}

const jobData = z.object({ orgId: z.uuid(), exportId: z.uuid() });

/**
 * Sent by "Build data package" after its transaction commits. One transaction, run under the
 * export's lease: a worker that dies while building is replaced within a minute, which builds it again.
 */
export const requestExportJob = defineJob({
  name: "request-export",
  audits: ["request.export_built", "request.export_failed"],
  resumable: {
    key: (data) => {
      const { orgId, exportId } = jobData.parse(data);
      return `${orgId}:${exportId}`;
    },
    run: async (data) => {
      const { orgId, exportId } = jobData.parse(data);
      await runRequestExport(orgId, exportId);
    },
  },
});

/**
 * Every 15 minutes: builds packages still "building" after 5 minutes (their job was lost) and
 * drops the files of expired ones (the expiry is the package's stated term, so it is not audited).
 * A second builder beside a live one is safe (row lock).
 */
export const requestExportSweepJob = defineJob({
  name: "request-export-sweep",
  cron: "*/15 * * * *",
  audits: ["request.export_built", "request.export_failed"],
  run: async () => {
    await resumeStalled(
      async (tx, orgId) => {
        await expireExports(tx, orgId);
        return (
          await tx
            .select({ id: requestExports.id })
            .from(requestExports)
            .where(
              and(
                eq(requestExports.orgId, orgId),
                eq(requestExports.status, "building"),
                lt(requestExports.startedAt, sql`now() - interval '5 minutes'`),
              ),
            )
        ).map((r) => r.id);
      },
      (orgId, exportId) => requestExportJob.run({ orgId, exportId }),
    );
  },
});
