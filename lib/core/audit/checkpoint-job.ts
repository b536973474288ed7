import "server-only";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { createCheckpoint } from "./checkpoint";

/**
 * Hourly: signs each organisation's chain head so that later tampering is detectable outside
 * the database. Idle organisations are skipped, so a rerun after a crash adds nothing new.
 */
export const auditCheckpointJob = defineJob({
  name: "audit-checkpoint",
  cron: "0 * * * *",
  audits: ["audit.checkpoint_created"],
  run: async () => {
    await forEachOrganization(jobActor("audit-checkpoint"), async (ctx) => {
      await createCheckpoint(ctx, { onlyIfMoved: true });
    });
  },
});
