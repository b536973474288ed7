import "server-only";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import type { Actor } from "@/lib/core/auth/actor";
import { can } from "@/lib/core/authz/permissions";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";
import { translator } from "@/lib/core/i18n/translator";
import { fieldErrors } from "@/lib/core/validation/issue-message";
import { isValidResidentId } from "@/lib/customers/national-id";
import { findCustomersBy, type CustomerLookup } from "@/lib/customers/queries";
import { searchKinds, type SearchKind, type SearchState } from "@/lib/customers/search-kinds";

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
    case "phone": return [{ phone: value }];
    case "email": return [{ email: value }];
    case "nationalId": return [{ nationalId: value }];
    case "externalRef": return [{ externalRef: value }];
  }
  const lookups: CustomerLookup[] = [{ externalRef: value }];
  if (value.includes("@") && normaliseEmail(value)) lookups.push({ email: value });
  const id = normaliseNationalId(value);
  if (id && isValidResidentId(id)) lookups.push({ nationalId: value });
  if (normalisePhone(value)) lookups.push({ phone: value });
  return lookups;
}

/**
 * Exact search by identifier for whoever may read customers. A read, not a mutation: it writes
 * nothing (no audit event, so it is not a defineAction), and the searched value travels in a POST
 * body only — never in a URL, a log line or the returned state.
 */
export async function searchCustomersAs(actor: Actor | null, raw: Record<string, unknown>): Promise<SearchState> {
  const t = await translator("errors");
  if (!actor) return { status: "error", message: t("unauthenticated") };
  if (actor.pending !== null || !can(actor.role, "customers.read")) return { status: "error", message: t("forbidden") };
  const parsed = customerSearchInput.safeParse(raw);
  if (!parsed.success) return { status: "error", message: t("checkFields"), fieldErrors: fieldErrors(parsed.error, t) };
  const { by, value } = parsed.data;
  try {
    const rows = await withTenant(actor.orgId, (tx) => findCustomersBy(tx, actor.orgId, lookupsFor(by, value)), actor.userId);
    return { status: "ok", rows };
  } catch (error) {
    console.error("customer search failed", { name: (error as Error).name });
    return { status: "error", message: t("internal") };
  }
}
