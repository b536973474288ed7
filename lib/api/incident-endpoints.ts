import "server-only";
import { and, eq } from "drizzle-orm";
import { apiKeys, incidents } from "@/db/schema";
import { reportIncident } from "@/lib/incidents/commands";
import { defineEndpoint } from "./define-endpoint";
import { incidentReportRequest } from "./incident-schemas";

/**
 * POST /incidents (incidents:write): the platform's monitoring reports a suspected incident. The
 * report is the key's: its creator stands as the reporter (a person the officers can ask), and the
 * audit event is the key's. The officers are told on their overview, as for any report.
 */
export const reportIncidentEndpoint = defineEndpoint({
  scope: "incidents:write",
  body: incidentReportRequest,
  run: async (ctx, input) => {
    const [key] = await ctx.tx
      .select({ createdBy: apiKeys.createdBy })
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, ctx.caller.keyId)));
    const id = await reportIncident(
      ctx,
      {
        summary: input.summary,
        description: input.description,
        discoveredAt: new Date(input.discoveredAt),
        systems: input.systems,
        dataCategories: input.dataCategories,
        estimatedAffected: input.estimatedAffected,
        vendorId: input.vendorId,
      },
      key.createdBy,
    );
    const [row] = await ctx.tx
      .select({ reference: incidents.reference })
      .from(incidents)
      .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)));
    return { status: 200, body: { id, reference: row.reference, status: "reported" } };
  },
});
