import "server-only";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { syncAssignments } from "./assign";

/**
 * Every five minutes: new joiners and people newly in a rule's scope get their courses, yearly
 * courses come back, and a material policy publication reassigns its linked courses.
 */
export const trainingAssignmentJob = defineJob({
  name: "training-assignment",
  cron: "*/5 * * * *",
  audits: ["training.assigned"],
  run: async () => {
    await forEachOrganization(jobActor("training-assignment"), (ctx) => syncAssignments(ctx));
  },
});
