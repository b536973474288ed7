import { z } from "zod";
import { dataCategories } from "@/lib/data-categories/options";

/** A few minutes' grace for a monitor whose clock runs a little ahead of ours. */
const SKEW_MS = 5 * 60_000;

/**
 * An incident the platform's monitoring reports (POST /incidents): what it saw, when, the systems
 * and data categories involved, an estimate of the people, a vendor of the register if any. It is
 * a suspected incident like any report from the console: the officers triage it.
 */
export const incidentReportRequest = z
  .object({
    summary: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(4000),
    discoveredAt: z.iso.datetime({ offset: true }),
    systems: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    dataCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
    estimatedAffected: z.number().int().min(0).max(10_000_000_000).optional(),
    vendorId: z.uuid().optional(),
  })
  .refine((input) => new Date(input.discoveredAt).getTime() <= Date.now() + SKEW_MS, {
    path: ["discoveredAt"],
    message: "errors.discoveredInFuture",
  });

export const incidentReportResponse = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.literal("reported"),
});
