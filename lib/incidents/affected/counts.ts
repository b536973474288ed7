import type { CustomerLaw } from "@/db/schema/customers";
import type { AffectedCounts } from "@/db/schema/incidents";
import type { Jurisdiction } from "@/db/schema/organizations";
import { applicableLaws } from "@/lib/customers/applicable-laws";

export const emptyCounts = (): AffectedCounts => ({
  laws: {},
  regions: {},
  californiaResidents: 0,
  unmatchedRefs: 0,
});

/** Customers of one kind in a batch: their own laws, their region and how many. */
export interface CountGroup {
  laws: string[];
  region: string | null;
  n: number;
}

/** The region key counts are kept under: the ISO code as stored, or "unknown". */
const regionKey = (region: string | null) => region?.trim().toUpperCase() || "unknown";

/**
 * Adds a batch to the counts: each person under every law that applies to them (their own, else
 * their region's, else the organisation's: applicableLaws), once under their region, and in
 * California's count when they live there (Cal. Civ. Code §1798.82 counts residents).
 */
export function addCounts(
  counts: AffectedCounts,
  groups: CountGroup[],
  orgJurisdictions: readonly Jurisdiction[],
): AffectedCounts {
  const out: AffectedCounts = {
    ...counts,
    laws: { ...counts.laws },
    regions: { ...counts.regions },
  };
  for (const group of groups) {
    const { laws } = applicableLaws(
      { laws: group.laws as CustomerLaw[], region: group.region },
      orgJurisdictions,
    );
    for (const law of laws) out.laws[law] = (out.laws[law] ?? 0) + group.n;
    const region = regionKey(group.region);
    out.regions[region] = (out.regions[region] ?? 0) + group.n;
    if (region === "US-CA" || region.startsWith("US-CA-")) out.californiaResidents += group.n;
  }
  return out;
}

/** The laws with anyone under them, in the order the vault lists laws. */
export const lawsOf = (counts: AffectedCounts): CustomerLaw[] =>
  (["PIPL", "GDPR", "CCPA"] as const).filter((law) => (counts.laws[law] ?? 0) > 0);
