import "server-only";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { todayIso } from "@/lib/core/dates";
import { sendTrainingReminders } from "./reminders";

/** Daily at 01:00 UTC (09:00 Beijing, the start of the working day). */
export const trainingReminderJob = defineJob({
  name: "training-reminder",
  cron: "0 1 * * *",
  audits: ["training.reminded", "training.escalated"],
  run: async () => {
    const today = todayIso();
    await forEachOrganization(jobActor("training-reminder"), async (ctx) => {
      await sendTrainingReminders(ctx, today);
    });
  },
});
