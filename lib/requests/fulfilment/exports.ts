import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, requestEvents, requestExports } from "@/db/schema";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField, encryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { AppError } from "@/lib/core/errors";
import { requestForFulfilment } from "./request-guard";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

/** How long a ready package can be downloaded. */
export const EXPORT_VALID_DAYS = 7;

/** Where a package's ciphertext lives: it only opens in its own row. */
export const exportPlace = (orgId: string, exportId: string) => ({
  orgId,
  table: "request_exports",
  column: "file_enc",
  rowId: exportId,
});

// encryptField seals text: the ZIP travels as base64 (a third larger, sealed once).
export const sealPackage = (key: FieldKey, orgId: string, exportId: string, zip: Buffer) =>
  encryptField(key, zip.toString("base64"), exportPlace(orgId, exportId));
export const openPackage = (key: FieldKey, orgId: string, exportId: string, blob: Buffer) =>
  Buffer.from(decryptField(key, blob, exportPlace(orgId, exportId)), "base64");

/** Why a package cannot be downloaded. */
export class ExportUnavailableError extends AppError {
  constructor(readonly reason: "notReady" | "expired" | "erased") {
    super(reason === "notReady" ? "notFound" : "conflict");
    this.name = "ExportUnavailableError";
  }
}

/**
 * "Build data package": records a package in state building (the `request-export` job fills it
 * after commit). One package builds at a time per request. Audited with the export id only.
 */
export async function startExport(
  ctx: TenantContext,
  requestId: string,
): Promise<{ exportId: string }> {
  const request = await requestForFulfilment(ctx, requestId, "export");
  const [building] = await ctx.tx
    .select({ id: requestExports.id })
    .from(requestExports)
    .where(
      and(
        eq(requestExports.orgId, ctx.orgId),
        eq(requestExports.requestId, request.id),
        eq(requestExports.status, "building"),
      ),
    );
  if (building) return { exportId: building.id };
  const [row] = await ctx.tx
    .insert(requestExports)
    .values({ orgId: ctx.orgId, requestId: request.id })
    .returning({ id: requestExports.id });
  await ctx.tx.insert(requestEvents).values({
    orgId: ctx.orgId,
    requestId: request.id,
    kind: "fulfilment",
    actorUserId: actingUserId(ctx),
    data: { step: "export_started", exportId: row.id },
  });
  await ctx.audit({
    action: "request.export_requested",
    targetType: "request",
    targetId: request.id,
    details: { exportId: row.id },
  });
  return { exportId: row.id };
}

/** The newest package of a request (for the console), without its bytes. */
export async function latestExport(tx: Tx, orgId: string, requestId: string) {
  const [row] = await tx
    .select({
      id: requestExports.id,
      status: requestExports.status,
      sizeBytes: requestExports.sizeBytes,
      sha256: requestExports.sha256,
      counts: requestExports.counts,
      startedAt: requestExports.startedAt,
      readyAt: requestExports.readyAt,
      expiresAt: requestExports.expiresAt,
      downloads: requestExports.downloads,
    })
    .from(requestExports)
    .where(and(eq(requestExports.orgId, orgId), eq(requestExports.requestId, requestId)))
    .orderBy(desc(requestExports.startedAt), desc(requestExports.id))
    .limit(1);
  return row;
}

export type ExportSummary = NonNullable<Awaited<ReturnType<typeof latestExport>>>;

/**
 * Opens a ready package for download (staff in the console, the requester on the tracking page):
 * refuses one still building, failed, past its 7 days or whose customer was erased. Counts the
 * download and puts it on the request's timeline (visible to the requester). The CALLER audits
 * `request.downloaded` as its own actor (staff user or the customer).
 */
export async function openExportForDownload(
  tx: Tx,
  orgId: string,
  exportId: string,
  opts: { userId?: string | null; now?: Date } = {},
): Promise<{ bytes: Buffer; filename: string; requestId: string; sha256: string }> {
  const [row] = await tx
    .select({
      id: requestExports.id,
      requestId: requestExports.requestId,
      status: requestExports.status,
      fileEnc: requestExports.fileEnc,
      expiresAt: requestExports.expiresAt,
      sha256: requestExports.sha256,
      reference: dataSubjectRequests.reference,
      customerId: dataSubjectRequests.customerId,
    })
    .from(requestExports)
    .innerJoin(
      dataSubjectRequests,
      and(
        eq(dataSubjectRequests.orgId, requestExports.orgId),
        eq(dataSubjectRequests.id, requestExports.requestId),
      ),
    )
    .where(and(eq(requestExports.orgId, orgId), eq(requestExports.id, exportId)))
    .for("update", { of: requestExports });
  if (!row) throw new AppError("notFound");
  if (row.status === "expired" || (row.expiresAt && row.expiresAt <= (opts.now ?? new Date())))
    throw new ExportUnavailableError("expired");
  if (row.status !== "ready" || !row.fileEnc || !row.customerId)
    throw new ExportUnavailableError("notReady");
  let bytes: Buffer;
  try {
    bytes = openPackage(
      await existingDataKey(tx, orgId, row.customerId),
      orgId,
      row.id,
      row.fileEnc,
    );
  } catch (error) {
    if (error instanceof KeyDestroyedError) throw new ExportUnavailableError("erased");
    throw error;
  }
  await tx
    .update(requestExports)
    .set({ downloads: sql`${requestExports.downloads} + 1` })
    .where(and(eq(requestExports.orgId, orgId), eq(requestExports.id, row.id)));
  await tx.insert(requestEvents).values({
    orgId,
    requestId: row.requestId,
    kind: "download",
    actorUserId: opts.userId ?? null,
    visibleToRequester: true,
    data: { exportId: row.id, by: opts.userId ? "staff" : "requester" },
  });
  return {
    bytes,
    filename: `${row.reference}-data-package.zip`,
    requestId: row.requestId,
    sha256: row.sha256 ?? "",
  };
}
