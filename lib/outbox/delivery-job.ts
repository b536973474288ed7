import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/job";
import { deliverAll, deliverPending } from "./delivery";
import { smtpMailer } from "./mailer";

const payload = z.object({ orgId: z.uuid().optional() });

/** Every minute, and at once when a message is written (`triggerDelivery`): one organisation or all. */
export const messageDeliveryJob = defineJob({
  name: "message-delivery",
  cron: "* * * * *",
  audits: ["message.sent", "message.failed"],
  run: async (data) => {
    const { orgId } = payload.parse(data);
    if (orgId) await deliverPending(orgId, smtpMailer());
    else await deliverAll(smtpMailer());
  },
});
