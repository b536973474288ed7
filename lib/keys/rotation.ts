import "server-only";
import { and, eq, lt, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { keyRotations, orgKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { jobActor } from "@/lib/core/jobs/job";
import { LEASE_SECONDS, leaseIsLive } from "@/lib/core/jobs/lease";
import { rotateOrgKey } from "@/lib/core/crypto/org-keys";
import { AppError } from "@/lib/core/errors";
import { inTenant, type TenantContext } from "@/lib/core/tenancy/context";
import { protectedBelow, protectedByVersion, totalOf } from "@/lib/keys/protected-values";
import {
  importFiles,
  moveDataKeys,
  moveSealedValues,
  voucherCodes,
  type BatchResult,
} from "@/lib/keys/rotation-batches";

const JOB_ACTOR = jobActor("key-rotation");
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
// Bearer codes and data keys are small; an import file may be megabytes, so fewer per batch.
const BATCH_SIZE = 1_000;
const FILE_BATCH_SIZE = 20;
// A pass that ends with values left means writers with an older view added some meanwhile.
const MAX_PASSES = 10;

/** The organisation's running rotation, if any. */
export async function runningRotation(tx: Tx, orgId: string) {
  const [row] = await tx
    .select()
    .from(keyRotations)
    .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.status, "running")));
  return row;
}

/** The key-rotation job's lease key for a rotation (lib/core/jobs/lease.ts). */
export const rotationLeaseKey = ({ orgId, rotationId }: { orgId: string; rotationId: string }) =>
  `${orgId}:${rotationId}`;

/**
 * A running rotation that nothing runs: no live runner holds its lease, and it started more than
 * a lease's length ago (so it is not merely waiting in the queue for its first delivery).
 */
export async function rotationIsStalled(
  tx: Tx,
  rotation: { orgId: string; id: string; startedAt: string },
): Promise<boolean> {
  if (Date.parse(rotation.startedAt) > Date.now() - LEASE_SECONDS * 1000) return false;
  return !(await leaseIsLive(
    tx,
    "key-rotation",
    rotationLeaseKey({ orgId: rotation.orgId, rotationId: rotation.id }),
  ));
}

/**
 * Starts rotating the organisation key in the caller's transaction: a new version is primary at
 * once (new writes use it), the old one is kept for decryption, and a rotation row counts what
 * must move. The caller enqueues the `key-rotation` job after commit. One at a time per
 * organisation: AppError("conflict") while another runs (one that stalled is superseded).
 * Recorded as the context's actor.
 */
export async function startRotation({ tx, orgId, actor, audit }: TenantContext) {
  // The unique index would refuse a second one too; checking first keeps the new key unmade.
  const running = await runningRotation(tx, orgId);
  if (running && !(await rotationIsStalled(tx, running))) throw new AppError("conflict");
  // A stalled one is superseded: the new rotation moves everything under older versions, its
  // values included, and destroys every older version when it completes. A runner of the old one
  // that comes back stops at its next batch (it is no longer running).
  if (running)
    await tx
      .update(keyRotations)
      .set({ status: "failed", finishedAt: new Date() })
      .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, running.id)));
  const { version: toVersion } = await rotateOrgKey(tx, orgId);
  const values = await protectedBelow(tx, orgId, toVersion);
  const total = totalOf(values);
  const [rotation] = await tx
    .insert(keyRotations)
    .values({ orgId, toVersion, total, startedBy: actor.id })
    .returning();
  if (running) {
    await audit({
      action: "key.rotation_superseded",
      targetType: "org_key",
      targetId: running.id,
      details: {
        toVersion: running.toVersion,
        done: running.done,
        total: running.total,
        by: rotation.id,
      },
    });
  }
  await audit({
    action: "key.rotation_started",
    targetType: "org_key",
    targetId: rotation.id,
    details: { toVersion, total, ...values },
  });
  return rotation;
}

type Batch = (
  tx: Tx,
  orgId: string,
  to: number,
  after: string,
  size: number,
) => Promise<BatchResult>;
const batches: Batch[] = [
  (tx, orgId, to, after, size) => moveDataKeys(tx, orgId, to, after, size),
  (tx, orgId, to, after, size) => moveSealedValues(tx, orgId, to, voucherCodes, after, size),
  (tx, orgId, to, after, size) =>
    moveSealedValues(tx, orgId, to, importFiles, after, Math.min(size, FILE_BATCH_SIZE)),
];

/** Locks the rotation row, if it is still running (to finish it). */
async function lockRunning(tx: Tx, orgId: string, rotationId: string) {
  const [row] = await tx
    .select()
    .from(keyRotations)
    .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, rotationId)))
    .for("update");
  return row?.status === "running" ? row : undefined;
}

/**
 * When nothing is left under older versions, destroys them and completes the rotation. Locking
 * the old key rows waits for any transaction still inserting under them (its foreign key check
 * holds a share lock), so the count after it is final. Returns false when values remain.
 */
async function finish({ tx, orgId, audit }: TenantContext, rotationId: string): Promise<boolean> {
  const rotation = await lockRunning(tx, orgId, rotationId);
  if (!rotation) return true;
  const to = rotation.toVersion;
  const old = await tx
    .select({ version: orgKeys.version })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), lt(orgKeys.version, to), ne(orgKeys.status, "destroyed")))
    .orderBy(orgKeys.version)
    .for("update");
  const remaining = [...(await protectedByVersion(tx, orgId)).entries()].filter(
    ([v, values]) => v < to && totalOf(values) > 0,
  );
  if (remaining.length > 0) return false;
  for (const { version } of old) {
    await tx
      .update(orgKeys)
      .set({ status: "destroyed", wrappedKey: null, destroyedAt: new Date() })
      .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
    await audit({
      action: "key.version_destroyed",
      targetType: "org_key",
      targetId: `v${version}`,
      details: { version, rotationId },
    });
  }
  await tx
    .update(keyRotations)
    .set({ status: "completed", finishedAt: new Date() })
    .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, rotationId)));
  await audit({
    action: "key.rotation_completed",
    targetType: "org_key",
    targetId: rotationId,
    details: {
      toVersion: to,
      total: rotation.total,
      done: rotation.done,
      destroyedVersions: old.length,
    },
  });
  return true;
}

export interface RunOptions {
  /** Rows per batch transaction (default 1,000). */
  batchSize?: number;
  /** Called after each committed batch (tests stop the run here to simulate a crash). */
  afterBatch?: (moved: number) => void | Promise<void>;
  /** Checked before each batch: false stops the run there (its job lease was lost, or the worker is stopping). */
  held?: () => boolean;
}

/** The rotation's target version while it is running; undefined once it is not. */
async function runningTarget(
  tx: Tx,
  orgId: string,
  rotationId: string,
): Promise<number | undefined> {
  const [row] = await tx
    .select({ status: keyRotations.status, toVersion: keyRotations.toVersion })
    .from(keyRotations)
    .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, rotationId)));
  return row?.status === "running" ? row.toVersion : undefined;
}

/** Moves one kind of value, batch after batch; false when the rotation stopped running. */
async function moveAll(
  orgId: string,
  rotationId: string,
  batch: Batch,
  options: RunOptions,
  failed: { value: boolean },
): Promise<boolean> {
  let after = NIL_UUID;
  while (!failed.value) {
    if (options.held && !options.held()) return false;
    const result = await withTenant(orgId, async (tx) => {
      const to = await runningTarget(tx, orgId, rotationId);
      if (to === undefined) return null;
      const moved = await batch(tx, orgId, to, after, options.batchSize ?? BATCH_SIZE);
      // Counted in the same transaction as the work; the row lock is held only until commit.
      if (moved.moved > 0) {
        await tx
          .update(keyRotations)
          .set({ done: sql`${keyRotations.done} + ${moved.moved}` })
          .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, rotationId)));
      }
      return moved;
    });
    if (!result) return false;
    if (result.moved > 0) await options.afterBatch?.(result.moved);
    if (!result.last) return true;
    after = result.last;
  }
  return false;
}

/**
 * The `key-rotation` job: moves every protected value from older versions to the rotation's
 * version, one batch per transaction, counting `done` in the same transaction as the work. The
 * kinds of value move side by side (one's crypto overlaps another's database work). Every batch
 * locks and re-reads its rows, and a moved value no longer matches the "older version" filter,
 * so a run killed at any point and started again — or two runs at once — carry on where the
 * last commit left off, moving and counting nothing twice.
 */
export async function runRotation(
  orgId: string,
  rotationId: string,
  options: RunOptions = {},
): Promise<void> {
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    // When one kind fails the others stop at their next batch, so a retry never overlaps them.
    const failed = { value: false };
    const outcomes = await Promise.allSettled(
      batches.map((batch) =>
        moveAll(orgId, rotationId, batch, options, failed).catch((error: unknown) => {
          failed.value = true;
          throw error;
        }),
      ),
    );
    const failure = outcomes.find((o) => o.status === "rejected");
    if (failure) throw failure.reason;
    if (outcomes.some((o) => o.status === "fulfilled" && !o.value)) return;
    if (await inTenant(orgId, JOB_ACTOR, (ctx) => finish(ctx, rotationId))) return;
  }
  throw new Error(
    "key rotation: values kept appearing under an old key version; the job will retry",
  );
}
