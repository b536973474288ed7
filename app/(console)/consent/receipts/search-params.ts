import { z } from "zod";
import { consentActions, consentChannels, consentSources } from "@/db/schema/consent";
import type { ReceiptFilters } from "@/lib/consent/explorer";
import {
  cursorParam,
  dayParam,
  hrefWith,
  optionalEnum,
  searchParamsSchema,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";

/** The explorer's URL state: catalogue values, dates and the keyset cursor — never a personal identifier. */
const receiptSearch = searchParamsSchema({
  purpose: z.uuid().optional().catch(undefined),
  action: optionalEnum(consentActions),
  channel: optionalEnum(consentChannels),
  source: optionalEnum(consentSources),
  gpc: z.literal("1").optional().catch(undefined),
  from: dayParam(),
  to: dayParam(),
  cursor: cursorParam(400),
});
export const receiptSearchParams = receiptSearch.schema;
export type ReceiptSearchParams = z.infer<typeof receiptSearchParams>;

export function parseReceiptSearchParams(raw: RawSearchParams): ReceiptSearchParams {
  return receiptSearch.parse(raw);
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
  return hrefWith("", { purpose, action, channel, source, gpc, from, to, cursor });
}
