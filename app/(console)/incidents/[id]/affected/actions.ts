"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { enqueue } from "@/lib/core/jobs/worker";
import { commitSelection, startSelection } from "@/lib/incidents/affected/commands";
import { affectedSelectionSchema } from "@/lib/incidents/affected/criteria";
import { incidentAffectedSelectionJob } from "@/lib/incidents/affected/selection-job";

const saved = async (key: string, id: string) => {
  revalidatePath(`/incidents/${id}`);
  return { status: "ok" as const, message: (await translator("incidentAffected"))(`done.${key}`) };
};

export const selectAffectedAction = defineAction({
  permission: "incidents.manage",
  schema: affectedSelectionSchema,
  run: (ctx, input) => startSelection(ctx, input),
  // After commit, so the job finds the selection.
  done: async ({ orgId, setId }, input) => {
    await enqueue(incidentAffectedSelectionJob.name, { orgId, setId });
    return saved("started", input.id);
  },
});

export const commitAffectedAction = defineAction({
  permission: "incidents.manage",
  schema: z.object({ id: z.uuid(), setId: z.uuid() }),
  run: (ctx, input) => commitSelection(ctx, input),
  done: (_r, input) => saved("committed", input.id),
});
