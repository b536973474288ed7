import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  incidentClockMarks,
  incidentRegulatorReports,
  incidentReviews,
  incidents,
} from "@/db/schema";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import { formatInstant } from "@/lib/core/pdf/footer";

export const registerColumns = [
  "reference",
  "summary",
  "discoveredAt",
  "status",
  "breachTypes",
  "dataCategories",
  "estimatedAffected",
  "laws",
  "gdprRisk",
  "gdprRiskReason",
  "effects",
  "remedialAction",
  "cause",
  "authorityNotified",
  "notifiedAt",
] as const;

export interface RegisterLabels {
  header: (column: (typeof registerColumns)[number]) => string;
  option: (list: "status" | "breachType" | "gdprRisk" | "law", id: string) => string;
  category: (id: string) => string;
  yesNo: (value: boolean) => string;
}

/**
 * GDPR Art. 33(5): every personal-information breach (drills aside), notified or not, with its
 * facts, its effects and the remedial action taken, as CSV. Effects and remedial action are the
 * newest report's words (the GDPR notification's, else the CAC report's); the cause the review's.
 */
export async function breachRegisterCsv(tx: Tx, orgId: string, labels: RegisterLabels) {
  const breaches = await tx
    .select()
    .from(incidents)
    .where(
      and(
        eq(incidents.orgId, orgId),
        eq(incidents.classification, "pi_breach"),
        eq(incidents.drill, false),
      ),
    )
    .orderBy(asc(incidents.discoveredAt), asc(incidents.id));
  const ids = breaches.map((b) => b.id);
  // One query at a time: a transaction's client runs them in turn.
  const none = ids.length === 0;
  const reports = none
    ? []
    : await tx
        .select()
        .from(incidentRegulatorReports)
        .where(
          and(
            eq(incidentRegulatorReports.orgId, orgId),
            inArray(incidentRegulatorReports.incidentId, ids),
          ),
        )
        .orderBy(asc(incidentRegulatorReports.version));
  const marks = none
    ? []
    : await tx
        .select()
        .from(incidentClockMarks)
        .where(
          and(
            eq(incidentClockMarks.orgId, orgId),
            inArray(incidentClockMarks.incidentId, ids),
            eq(incidentClockMarks.ruleKey, "gdpr_33"),
            eq(incidentClockMarks.outcome, "done"),
          ),
        );
  const reviews = none
    ? []
    : await tx
        .select()
        .from(incidentReviews)
        .where(and(eq(incidentReviews.orgId, orgId), inArray(incidentReviews.incidentId, ids)));
  let csv = CSV_BOM + csvRow(registerColumns.map(labels.header));
  for (const b of breaches) {
    const own = reports.filter((r) => r.incidentId === b.id);
    const newest = (kind: string) => own.filter((r) => r.kind === kind).at(-1)?.content ?? {};
    const gdpr = newest("gdpr33");
    const cac = newest("cac");
    const filed = [
      ...own.filter((r) => r.kind === "gdpr33" && r.submittedAt).map((r) => r.submittedAt!),
      ...marks.filter((m) => m.incidentId === b.id).map((m) => m.at),
    ].sort((x, y) => x.getTime() - y.getTime());
    const review = reviews.find((r) => r.incidentId === b.id);
    csv += csvRow([
      b.reference,
      b.summary,
      formatInstant(b.discoveredAt),
      labels.option("status", b.status),
      b.breachTypes.map((t) => labels.option("breachType", t)).join("; "),
      b.dataCategories.map(labels.category).join("; "),
      b.estimatedAffected,
      b.affectedLaws.map((l) => labels.option("law", l)).join("; "),
      b.gdprRisk ? labels.option("gdprRisk", b.gdprRisk) : null,
      b.gdprRiskReason,
      gdpr.consequences ?? cac.impact ?? null,
      gdpr.measures ?? cac.measures ?? null,
      review?.cause ?? cac.cause ?? null,
      labels.yesNo(filed.length > 0),
      filed[0] ? formatInstant(filed[0]) : null,
    ]);
  }
  return { csv, rows: breaches.length };
}
