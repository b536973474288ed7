import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/actor";
import { can } from "@/lib/core/authz/permissions";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { inTenant } from "@/lib/core/tenancy/context";
import { fieldErrors } from "@/lib/core/validation/issue-message";
import { isValidResidentId } from "@/lib/customers/national-id";
import { LOOKUP_WINDOW_SECONDS, lookupLimit } from "@/lib/customers/lookup-limits";
import { findCustomersBy, type CustomerLookup } from "@/lib/customers/queries";
import { searchKinds, type SearchKind, type SearchState } from "@/lib/customers/search-kinds";
import { log } from "@/lib/core/log/logger";

export type { SearchState };

export const customerSearchInput = z.object({
  by: z.enum(searchKinds).catch("auto"),
  value: z.string().trim().min(1).max(200),
});

/**
 * The lookups one text stands for. "auto" reads it as every kind it could be: an email has an @,
 * an ID number passes its check digit, a phone normalises; it may always be an external ref.
 */
export function lookupsFor(by: SearchKind, value: string): CustomerLookup[] {
  switch (by) {
    case "phone":
      return [{ phone: value }];
    case "email":
      return [{ email: value }];
    case "nationalId":
      return [{ nationalId: value }];
    case "externalRef":
      return [{ externalRef: value }];
  }
  const lookups: CustomerLookup[] = [{ externalRef: value }];
  if (value.includes("@") && normaliseEmail(value)) lookups.push({ email: value });
  const id = normaliseNationalId(value);
  if (id && isValidResidentId(id)) lookups.push({ nationalId: value });
  if (normalisePhone(value)) lookups.push({ phone: value });
  return lookups;
}

/**
 * Exact search by identifier for whoever may read customers. Each lookup is throttled per person
 * (`lookupLimit` an hour, like reveals) and audited in the same transaction as
 * `customer.looked_up` with the kind searched by, the kinds tried and the match count — never the
 * value, which travels in a POST body only, never in a URL, a log line, the audit log or the
 * returned state. A refused lookup rolls back, so it searches, records and counts nothing.
 */
export async function searchCustomersAs(
  actor: Actor | null,
  raw: Record<string, unknown>,
): Promise<SearchState> {
  const t = await translator("errors");
  if (!actor) return { status: "error", message: t("unauthenticated") };
  if (actor.pending !== null || !can(actor.role, "customers.read"))
    return { status: "error", message: t("forbidden") };
  const parsed = customerSearchInput.safeParse(raw);
  if (!parsed.success)
    return {
      status: "error",
      message: t("checkFields"),
      fieldErrors: fieldErrors(parsed.error, t),
    };
  const { by, value } = parsed.data;
  const limit = lookupLimit(actor.role);
  try {
    const rows = await inTenant(
      actor.orgId,
      { type: "user", id: actor.userId },
      async ({ tx, audit }) => {
        if (
          !(await allowHit(
            tx,
            rateLimitKey("customer-lookup", actor.userId),
            limit,
            LOOKUP_WINDOW_SECONDS,
          ))
        ) {
          throw new AppError("rateLimited", undefined, "lookupsThrottled", { limit });
        }
        const lookups = lookupsFor(by, value);
        const found = await findCustomersBy(tx, actor.orgId, lookups);
        await audit({
          action: "customer.looked_up",
          targetType: "customer",
          targetId: found.length === 1 ? found[0].id : null,
          details: {
            by,
            kinds: lookups.map((lookup) => Object.keys(lookup)[0]),
            matches: found.length,
          },
        });
        return found;
      },
    );
    return { status: "ok", rows };
  } catch (error) {
    if (error instanceof AppError)
      return { status: "error", message: t(error.messageKey ?? error.code, error.messageValues) };
    log.error({ err: error }, "customer search failed");
    return { status: "error", message: t("internal") };
  }
}
