"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { prepareReport, recordSubmission } from "@/lib/incidents/response/reports";
import { saveReview } from "@/lib/incidents/response/review";
import {
  incidentReviewSchema,
  incidentTaskSchema,
  incidentTaskStatusSchema,
  reportPrepareSchema,
  reportSubmissionSchema,
  timelineEntrySchema,
} from "@/lib/incidents/response/schemas";
import { addIncidentTask, setIncidentTaskStatus } from "@/lib/incidents/response/tasks";
import { addTimelineEntry } from "@/lib/incidents/response/timeline";

/** The incident's response: reports to regulators, tasks, timeline entries and the review. */
const done = async (key: string, incidentId: string, values?: Record<string, number>) => {
  revalidatePath(`/incidents/${incidentId}`);
  return {
    status: "ok" as const,
    message: (await translator("incidentResponse"))(`done.${key}`, values),
  };
};

export const prepareReportAction = defineAction({
  permission: "incidents.manage",
  schema: reportPrepareSchema,
  run: (ctx, input) => prepareReport(ctx, input),
  done: (r, input) => done("prepared", input.incidentId, { version: r.version }),
});

export const recordSubmissionAction = defineAction({
  permission: "incidents.manage",
  schema: reportSubmissionSchema,
  run: (ctx, input) => recordSubmission(ctx, input),
  done: (incidentId) => done("submitted", incidentId),
});

export const addIncidentTaskAction = defineAction({
  permission: "incidents.manage",
  schema: incidentTaskSchema,
  run: (ctx, input) => addIncidentTask(ctx, input),
  done: (_r, input) => done("taskAdded", input.incidentId),
});

/** The owner (anyone signed in) moves their own task; the command refuses anyone else's but an officer's. */
export const setIncidentTaskStatusAction = defineAction({
  permission: "incidents.read",
  schema: incidentTaskStatusSchema,
  run: (ctx, input) => setIncidentTaskStatus(ctx, input),
  done: async (incidentId) => {
    revalidatePath("/tasks");
    return done("taskUpdated", incidentId);
  },
});

export const addTimelineEntryAction = defineAction({
  permission: "incidents.manage",
  schema: timelineEntrySchema,
  run: async (ctx, input) =>
    addTimelineEntry(ctx, {
      incidentId: input.incidentId,
      instant: input.instant,
      note: input.note,
      file: input.file && {
        name: input.file.name,
        bytes: new Uint8Array(await input.file.arrayBuffer()),
      },
    }),
  done: (_r, input) => done("entryAdded", input.incidentId),
});

export const saveReviewAction = defineAction({
  permission: "incidents.manage",
  schema: incidentReviewSchema,
  run: (ctx, input) => saveReview(ctx, input),
  done: (_r, input) => done("reviewed", input.incidentId),
});
