import { z } from "zod";
import { consentActions, consentChannels, consentSources } from "@/db/schema/consent";
import type { ReceiptFilters } from "@/lib/consent/explorer";

// An empty or malformed parameter means "no filter", never an error page: URLs get hand-edited.
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional())
    .catch(undefined);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)));

/** The explorer's URL state: catalogue values, dates and the keyset cursor — never a personal identifier. */
export const receiptSearchParams = z.object({
  purpose: optional(z.uuid()),
  action: optional(z.enum(consentActions)),
  channel: optional(z.enum(consentChannels)),
  source: optional(z.enum(consentSources)),
  gpc: optional(z.literal("1")),
  from: optional(day),
  to: optional(day),
  cursor: optional(z.string().max(400)),
});
export type ReceiptSearchParams = z.infer<typeof receiptSearchParams>;

export function parseReceiptSearchParams(
  raw: Record<string, string | string[] | undefined>,
): ReceiptSearchParams {
  return receiptSearchParams.parse(raw);
}

/** Calendar days are days in China (UTC+8), the organisation's working time zone. */
export function toReceiptFilters(params: ReceiptSearchParams): ReceiptFilters {
  return {
    purposeId: params.purpose,
    action: params.action,
    channel: params.channel,
    source: params.source,
    gpc: params.gpc === "1" ? true : undefined,
    from: params.from ? new Date(`${params.from}T00:00:00.000+08:00`) : undefined,
    to: params.to ? new Date(`${params.to}T23:59:59.999+08:00`) : undefined,
  };
}

/** The query string of a filter set (plus a cursor), for links that keep the current filters. */
export function receiptQuery(params: ReceiptSearchParams, cursor?: string): string {
  const { purpose, action, channel, source, gpc, from, to } = params;
  const entries = Object.entries({
    purpose,
    action,
    channel,
    source,
    gpc,
    from,
    to,
    cursor,
  }).filter(([, v]) => v !== undefined && v !== "");
  const query = new URLSearchParams(entries as [string, string][]).toString();
  return query ? `?${query}` : "";
}
