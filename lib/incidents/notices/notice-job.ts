import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { incidentNotices } from "@/db/schema";
import { defineJob } from "@/lib/core/jobs/job";
import { resumeStalled } from "@/lib/core/jobs/resume-stalled";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { runNotice } from "./sending";

const audits = ["incident.notices_queued", "incident.notice_sent", "incident.notice_failed"];
const jobData = z.object({ orgId: z.uuid(), noticeId: z.uuid() });

/** Sent when the officer sends the notice; runs under the notice's lease and resumes from its last step. */
export const incidentNoticeJob = defineJob({
  name: "incident-notice",
  audits,
  resumable: {
    key: (data) => {
      const { orgId, noticeId } = jobData.parse(data);
      return `${orgId}:${noticeId}`;
    },
    run: async (data, lease) => {
      const { orgId, noticeId } = jobData.parse(data);
      if ((await runNotice(orgId, noticeId, { held: lease.held })) === "sent")
        await triggerDelivery(orgId);
    },
  },
});

/** Resumes notices still sending 10 minutes after they were sent whose job was lost. */
export const incidentNoticeSweepJob = defineJob({
  name: "incident-notice-sweep",
  cron: "10,40 * * * *",
  audits,
  run: async () => {
    await resumeStalled(
      async (tx, orgId) =>
        (
          await tx
            .select({ id: incidentNotices.id })
            .from(incidentNotices)
            .where(
              and(
                eq(incidentNotices.orgId, orgId),
                eq(incidentNotices.status, "sending"),
                lt(incidentNotices.sentAt, sql`now() - interval '10 minutes'`),
              ),
            )
        ).map((r) => r.id),
      (orgId, noticeId) => incidentNoticeJob.run({ orgId, noticeId }),
    );
  },
});
