import "server-only";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { evaluateControls } from "./evaluate";

/** Daily at 18:30 UTC (02:30 Beijing): every organisation's controls, each in its own transaction. */
export const controlEvaluationJob = defineJob({
  name: "control-evaluation",
  cron: "30 18 * * *",
  audits: ["control.evaluated"],
  run: async () => {
    await forEachOrganization(jobActor("control-evaluation"), async (ctx) => {
      await evaluateControls(ctx);
    });
  },
});
