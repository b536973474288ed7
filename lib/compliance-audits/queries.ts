import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  complianceAuditChecklist,
  complianceAuditEvidence,
  complianceAuditFindings,
  complianceAudits,
  departments,
  users,
  vendors,
  type AuditFindingStatus,
} from "@/db/schema";

const a = complianceAudits;
const f = complianceAuditFindings;
const openStatuses: AuditFindingStatus[] = ["open", "corrected"];

/** Audits, newest planned first (an organisation holds a few a year). */
export async function listAudits(tx: Tx, orgId: string) {
  return tx
    .select({
      id: a.id,
      title: a.title,
      kind: a.kind,
      status: a.status,
      laws: a.laws,
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      actualEnd: a.actualEnd,
      auditorName: sql<string>`coalesce(${users.name}, ${vendors.name})`,
      openFindings:
        sql<number>`(select count(*) from ${f} where ${f.orgId} = ${a.orgId} and ${f.auditId} = ${a.id} and ${inArray(f.status, openStatuses)})`.mapWith(
          Number,
        ),
    })
    .from(a)
    .leftJoin(users, eq(users.id, a.auditorUserId))
    .leftJoin(vendors, and(eq(vendors.orgId, a.orgId), eq(vendors.id, a.auditorVendorId)))
    .where(eq(a.orgId, orgId))
    .orderBy(desc(a.plannedStart), desc(a.id))
    .limit(200);
}

export async function getAudit(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      id: a.id,
      title: a.title,
      kind: a.kind,
      regulatorOrder: a.regulatorOrder,
      scope: a.scope,
      laws: a.laws,
      status: a.status,
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      actualStart: a.actualStart,
      actualEnd: a.actualEnd,
      conclusion: a.conclusion,
      auditorType: sql<
        "internal" | "vendor"
      >`case when ${a.auditorUserId} is null then 'vendor' else 'internal' end`,
      auditorName: sql<string>`coalesce(${users.name}, ${vendors.name})`,
    })
    .from(a)
    .leftJoin(users, eq(users.id, a.auditorUserId))
    .leftJoin(vendors, and(eq(vendors.orgId, a.orgId), eq(vendors.id, a.auditorVendorId)))
    .where(and(eq(a.orgId, orgId), eq(a.id, id)));
  return row;
}

export type AuditDetail = NonNullable<Awaited<ReturnType<typeof getAudit>>>;

export async function checklistOf(tx: Tx, orgId: string, auditId: string) {
  return tx
    .select()
    .from(complianceAuditChecklist)
    .where(
      and(eq(complianceAuditChecklist.orgId, orgId), eq(complianceAuditChecklist.auditId, auditId)),
    )
    .orderBy(asc(complianceAuditChecklist.requirementKey));
}

/** The controls' evidence as it stood when the audit started. */
export async function evidenceOf(tx: Tx, orgId: string, auditId: string) {
  return tx
    .select()
    .from(complianceAuditEvidence)
    .where(
      and(eq(complianceAuditEvidence.orgId, orgId), eq(complianceAuditEvidence.auditId, auditId)),
    )
    .orderBy(asc(complianceAuditEvidence.controlId));
}

const findingColumns = {
  id: f.id,
  auditId: f.auditId,
  auditTitle: a.title,
  requirementKey: f.requirementKey,
  severity: f.severity,
  title: f.title,
  description: f.description,
  ownerDepartmentId: f.ownerDepartmentId,
  department: departments.name,
  ownerId: f.ownerId,
  owner: users.name,
  correctiveAction: f.correctiveAction,
  dueOn: f.dueOn,
  status: f.status,
  correctionNote: f.correctionNote,
  verificationNote: f.verificationNote,
};

const findingsFrom = (tx: Tx) =>
  tx
    .select(findingColumns)
    .from(f)
    .innerJoin(a, and(eq(a.orgId, f.orgId), eq(a.id, f.auditId)))
    .innerJoin(users, eq(users.id, f.ownerId))
    .innerJoin(
      departments,
      and(eq(departments.orgId, f.orgId), eq(departments.id, f.ownerDepartmentId)),
    );

export async function findingsOfAudit(tx: Tx, orgId: string, auditId: string) {
  return findingsFrom(tx)
    .where(and(eq(f.orgId, orgId), eq(f.auditId, auditId)))
    .orderBy(asc(f.dueOn), asc(f.id));
}

export async function getAuditFinding(tx: Tx, orgId: string, id: string) {
  const [row] = await findingsFrom(tx).where(and(eq(f.orgId, orgId), eq(f.id, id)));
  return row;
}

export type AuditFindingRow = NonNullable<Awaited<ReturnType<typeof getAuditFinding>>>;

/** Findings a person owns that still wait for correction or its verification: their My tasks. */
export async function auditFindingsOwnedBy(tx: Tx, orgId: string, userId: string) {
  return findingsFrom(tx)
    .where(and(eq(f.orgId, orgId), eq(f.ownerId, userId), eq(f.status, "open")))
    .orderBy(asc(f.dueOn), asc(f.id));
}

/** Open findings a department owns (open or awaiting verification), by due day: its page. */
export async function openFindingsOfDepartment(tx: Tx, orgId: string, departmentId: string) {
  return findingsFrom(tx)
    .where(
      and(
        eq(f.orgId, orgId),
        eq(f.ownerDepartmentId, departmentId),
        inArray(f.status, openStatuses),
      ),
    )
    .orderBy(asc(f.dueOn), asc(f.id));
}

/** The end of the last completed audit, for the two-year rule. */
export async function lastCompletedAuditEnd(tx: Tx, orgId: string): Promise<string | null> {
  const [row] = await tx
    .select({ end: max(a.actualEnd) })
    .from(a)
    .where(and(eq(a.orgId, orgId), eq(a.status, "completed"), isNotNull(a.actualEnd)));
  return row?.end ?? null;
}
