"use server";

import { defineAction } from "@/lib/core/actions/define-action";
import { confirmGrade, markClock, moveIncident, triageIncident } from "@/lib/incidents/commands";
import {
  incidentClockMarkSchema,
  incidentGradeSchema,
  incidentMoveSchema,
  incidentTriageSchema,
} from "@/lib/incidents/schemas";
import { translator } from "@/lib/core/i18n/translator";
import { revalidatePath } from "next/cache";

const saved = async (key: string, id: string) => {
  revalidatePath(`/incidents/${id}`);
  return { status: "ok" as const, message: (await translator("incidents"))(`done.${key}`) };
};

export const triageIncidentAction = defineAction({
  permission: "incidents.manage",
  schema: incidentTriageSchema,
  run: (ctx, input) => triageIncident(ctx, input),
  done: (_r, input) => saved("triaged", input.id),
});

export const confirmGradeAction = defineAction({
  permission: "incidents.manage",
  schema: incidentGradeSchema,
  run: (ctx, input) => confirmGrade(ctx, input),
  done: (_r, input) => saved("graded", input.id),
});

export const moveIncidentAction = defineAction({
  permission: "incidents.manage",
  schema: incidentMoveSchema,
  run: (ctx, input) => moveIncident(ctx, input),
  done: (_r, input) => saved("moved", input.id),
});

export const markClockAction = defineAction({
  permission: "incidents.manage",
  schema: incidentClockMarkSchema,
  run: (ctx, input) => markClock(ctx, input),
  done: (_r, input) => saved("clockMarked", input.id),
});
