import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, organizations, vendors } from "@/db/schema";

/** The incident as a report version states it: kept with the version, so a filed PDF never changes. */
export interface ReportFacts {
  organization: { zh: string; en: string };
  reference: string;
  summary: string;
  description: string;
  discoveredAt: string;
  triagedAt: string | null;
  containedAt: string | null;
  status: string;
  classification: string | null;
  breachTypes: string[];
  grade: string | null;
  gradeConfirmed: boolean;
  estimatedAffected: number | null;
  directLossCny: number | null;
  dataCategories: string[];
  systems: string[];
  affectedLaws: string[];
  californiaResidents: number | null;
  gdprRisk: string | null;
  vendor: string | null;
  drill: boolean;
}

export async function reportFacts(tx: Tx, orgId: string, incidentId: string): Promise<ReportFacts> {
  const [row] = await tx
    .select({
      incident: incidents,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      vendor: vendors.name,
    })
    .from(incidents)
    .innerJoin(organizations, eq(organizations.id, incidents.orgId))
    .leftJoin(vendors, and(eq(vendors.orgId, incidents.orgId), eq(vendors.id, incidents.vendorId)))
    .where(and(eq(incidents.orgId, orgId), eq(incidents.id, incidentId)));
  const i = row.incident;
  return {
    organization: { zh: row.orgZh, en: row.orgEn },
    reference: i.reference,
    summary: i.summary,
    description: i.description,
    discoveredAt: i.discoveredAt.toISOString(),
    triagedAt: i.triagedAt?.toISOString() ?? null,
    containedAt: i.containedAt?.toISOString() ?? null,
    status: i.status,
    classification: i.classification,
    breachTypes: i.breachTypes,
    grade: i.grade ?? i.proposedGrade,
    gradeConfirmed: i.grade !== null,
    estimatedAffected: i.estimatedAffected,
    directLossCny: i.directLossCny,
    dataCategories: i.dataCategories,
    systems: i.systems,
    affectedLaws: i.affectedLaws,
    californiaResidents: i.californiaResidents,
    gdprRisk: i.gdprRisk,
    vendor: row.vendor,
    drill: i.drill,
  };
}
