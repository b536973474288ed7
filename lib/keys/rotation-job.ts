import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { keyRotations } from "@/db/schema";
import { resumeStalled } from "@/lib/core/jobs/resume-stalled";
import { defineJob } from "@/lib/core/jobs/job";
import { rotationLeaseKey, runRotation } from "@/lib/keys/rotation";

// batchSize: smaller batches for a test that stops a worker mid-way (default BATCH_SIZE).
const payload = z.object({
  orgId: z.uuid(),
  rotationId: z.uuid(),
  batchSize: z.int().positive().optional(),
});
const audits = ["key.version_destroyed", "key.rotation_completed"];

/**
 * Sent by the keys page after startRotation commits. Runs under the rotation's lease: a worker
 * that dies mid-way is replaced within a minute, and the run resumes where the last batch ended.
 */
export const keyRotationJob = defineJob({
  name: "key-rotation",
  audits,
  resumable: {
    key: (data) => rotationLeaseKey(payload.parse(data)),
    run: async (data, lease) => {
      const { orgId, rotationId, batchSize } = payload.parse(data);
      await runRotation(orgId, rotationId, { batchSize, held: lease.held });
    },
  },
});

/**
 * The queue retries a crashed delivery itself; this catches the rest (the job could not be sent
 * after commit, or its retries ran out): every 30 minutes, rotations still running after 30
 * minutes are resumed. Running one twice at once is safe: batches lock and re-read their rows.
 */
export const keyRotationSweepJob = defineJob({
  name: "key-rotation-sweep",
  cron: "*/30 * * * *",
  audits,
  run: async () => {
    await resumeStalled(
      async (tx, orgId) =>
        (
          await tx
            .select({ id: keyRotations.id })
            .from(keyRotations)
            .where(
              and(
                eq(keyRotations.orgId, orgId),
                eq(keyRotations.status, "running"),
                lt(keyRotations.startedAt, sql`now() - interval '30 minutes'`),
              ),
            )
        ).map((r) => r.id),
      (orgId, rotationId) => keyRotationJob.run({ orgId, rotationId }),
    );
  },
});
