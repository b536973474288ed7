"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { reportIncident } from "@/lib/incidents/commands";
import { incidentReportSchema } from "@/lib/incidents/schemas";

export const reportIncidentAction = defineAction({
  permission: "incidents.report",
  schema: incidentReportSchema,
  run: (ctx, input) => reportIncident(ctx, input),
  done: (id) => redirect(`/incidents/${id}?notice=reported`),
});
