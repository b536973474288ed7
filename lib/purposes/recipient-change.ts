import "server-only";
import { and, arrayContains, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { purposes, vendors } from "@/db/schema";
import { purposeViolations, type RecipientFacts } from "./rules";

/**
 * The active purposes naming a vendor that a new role or country would make break a rule they do
 * not break today (a recipient turned independent handler on standard consent, PIPL Art. 23; a
 * recipient moved out of the destination, Arts. 38–39). Their codes, for the vendor form's refusal.
 */
export async function purposesBrokenBy(
  tx: Tx,
  orgId: string,
  vendorId: string,
  next: RecipientFacts,
): Promise<string[]> {
  const linked = await tx
    .select()
    .from(purposes)
    .where(
      and(
        eq(purposes.orgId, orgId),
        isNull(purposes.archivedAt),
        arrayContains(purposes.recipientVendorIds, [vendorId]),
      ),
    );
  if (linked.length === 0) return [];
  const ids = [...new Set(linked.flatMap((p) => p.recipientVendorIds))];
  const registry = await tx
    .select({
      id: vendors.id,
      name: vendors.name,
      role: vendors.handlerRole,
      country: vendors.country,
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)));
  const keys = (purpose: (typeof linked)[number], recipients: RecipientFacts[]) =>
    new Set(purposeViolations({ ...purpose, recipients }).map((v) => v.key));
  return linked
    .filter((purpose) => {
      const now = registry.filter((v) => purpose.recipientVendorIds.includes(v.id));
      const before = keys(purpose, now);
      const after = keys(
        purpose,
        now.map((v) => (v.id === vendorId ? next : v)),
      );
      return [...after].some((key) => !before.has(key));
    })
    .map((p) => p.code)
    .sort();
}
