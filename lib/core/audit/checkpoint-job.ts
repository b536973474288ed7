import "server-only";
import type { JobDefinition } from "@/lib/core/jobs/job";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { createCheckpoint } from "./checkpoint";
import { recordAudit, type AuditActor } from "./record";

const SYSTEM: AuditActor = { type: "system", id: "audit-checkpoint-job" };

/**
 * Hourly: signs each organisation's chain head so that later tampering is detectable outside
 * the database. Idle organisations are skipped, so a rerun after a crash adds nothing new.
 */
export const auditCheckpointJob: JobDefinition = {
  name: "audit-checkpoint",
  cron: "0 * * * *",
  run: async () => {
    await forEachOrganization(async (tx, orgId) => {
      await createCheckpoint(tx, orgId, (entry) => recordAudit(tx, orgId, SYSTEM, entry), { onlyIfMoved: true });
    });
  },
};
