"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { enqueue } from "@/lib/core/jobs/worker";
import { saveNoticeDraft, sendNotice } from "@/lib/incidents/notices/commands";
import { incidentNoticeJob } from "@/lib/incidents/notices/notice-job";
import { noticeDraftSchema } from "@/lib/incidents/notices/schemas";

const saved = async (key: string, id: string) => {
  revalidatePath(`/incidents/${id}/notice`);
  return {
    status: "ok" as const,
    message: (await translator("incidentAffected"))(`notice.done.${key}`),
  };
};

export const saveNoticeDraftAction = defineAction({
  permission: "incidents.manage",
  schema: noticeDraftSchema,
  run: (ctx, input) => saveNoticeDraft(ctx, input),
  done: (_r, input) => saved("drafted", input.id),
});

export const sendNoticeAction = defineAction({
  permission: "incidents.manage",
  schema: z.object({ id: z.uuid() }),
  run: (ctx, input) => sendNotice(ctx, input),
  // After commit, so the job finds the notice sending.
  done: async ({ orgId, noticeId }, input) => {
    await enqueue(incidentNoticeJob.name, { orgId, noticeId });
    return saved("sending", input.id);
  },
});
