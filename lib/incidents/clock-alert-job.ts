import "server-only";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { alertPassedClocks } from "./clock-alerts";

/** Every minute (a CAC clock can be one hour long), once per organisation, each in its own transaction. */
export const incidentClockAlertJob = defineJob({
  name: "incident-clock-alert",
  cron: "* * * * *",
  audits: ["incident.clock_passed"],
  run: async () => {
    await forEachOrganization(jobActor("incident-clock-alert"), async (ctx) => {
      await alertPassedClocks(ctx);
    });
  },
});
