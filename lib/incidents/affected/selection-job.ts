import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { incidentAffectedSets } from "@/db/schema";
import { defineJob } from "@/lib/core/jobs/job";
import { resumeStalled } from "@/lib/core/jobs/resume-stalled";
import { runSelection } from "./selection";

const audits = ["incident.affected_selected", "incident.affected_selection_failed"];
const jobData = z.object({ orgId: z.uuid(), setId: z.uuid() });

/** Sent when the officer asks for a selection; runs under the set's lease and resumes from its last step. */
export const incidentAffectedSelectionJob = defineJob({
  name: "incident-affected-selection",
  audits,
  resumable: {
    key: (data) => {
      const { orgId, setId } = jobData.parse(data);
      return `${orgId}:${setId}`;
    },
    run: async (data, lease) => {
      const { orgId, setId } = jobData.parse(data);
      await runSelection(orgId, setId, { held: lease.held });
    },
  },
});

/** Resumes selections still running 10 minutes after they were asked for whose job was lost. */
export const incidentAffectedSelectionSweepJob = defineJob({
  name: "incident-affected-selection-sweep",
  cron: "5,35 * * * *",
  audits,
  run: async () => {
    await resumeStalled(
      async (tx, orgId) =>
        (
          await tx
            .select({ id: incidentAffectedSets.id })
            .from(incidentAffectedSets)
            .where(
              and(
                eq(incidentAffectedSets.orgId, orgId),
                eq(incidentAffectedSets.status, "selecting"),
                lt(incidentAffectedSets.createdAt, sql`now() - interval '10 minutes'`),
              ),
            )
        ).map((r) => r.id),
      (orgId, setId) => incidentAffectedSelectionJob.run({ orgId, setId }),
    );
  },
});
