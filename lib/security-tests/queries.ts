import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  securityAssessmentReports,
  securityAssessments,
  securityFindings,
  users,
  vendors,
  type FindingStatus,
} from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import { ownerInScope, type OwnerScope } from "@/lib/users/department-scope";
import { remediationRunning } from "./transitions";

const a = securityAssessments;
const f = securityFindings;
export const ASSESSMENT_PAGE_SIZE = 25;

/**
 * Assessments, newest first, a keyset page at a time. A manager sees only those with a finding
 * their department owns.
 */
export async function listAssessments(
  tx: Tx,
  orgId: string,
  scope: OwnerScope,
  cursorRaw?: string,
) {
  const cursor = decodeCursor(cursorRaw);
  const inScope = ownerInScope(f.orgId, f.ownerId, scope);
  const rows = await tx
    .select({
      id: a.id,
      kind: a.kind,
      title: a.title,
      startedOn: a.startedOn,
      endedOn: a.endedOn,
      tester: vendors.name,
      findings:
        sql<number>`(select count(*) from ${f} where ${f.orgId} = ${a.orgId} and ${f.assessmentId} = ${a.id})`.mapWith(
          Number,
        ),
      open: sql<number>`(select count(*) from ${f} where ${f.orgId} = ${a.orgId} and ${f.assessmentId} = ${a.id} and ${inArray(f.status, [...remediationRunning])})`.mapWith(
        Number,
      ),
    })
    .from(a)
    .innerJoin(vendors, and(eq(vendors.orgId, a.orgId), eq(vendors.id, a.testerVendorId)))
    .where(
      and(
        eq(a.orgId, orgId),
        afterCursor(a.startedOn, a.id, "desc", cursor),
        inScope &&
          sql`exists (select 1 from ${f} where ${f.orgId} = ${a.orgId} and ${f.assessmentId} = ${a.id} and ${inScope})`,
      ),
    )
    .orderBy(...keysetOrder(a.startedOn, a.id, "desc"))
    .limit(ASSESSMENT_PAGE_SIZE + 1);
  const page = pageOf(rows, ASSESSMENT_PAGE_SIZE, (r) => ({ v: r.startedOn, id: r.id }));
  return { rows: page.rows, next: page.next && encodeCursor(page.next) };
}

export async function getAssessment(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      id: a.id,
      kind: a.kind,
      title: a.title,
      scope: a.scope,
      startedOn: a.startedOn,
      endedOn: a.endedOn,
      testerVendorId: a.testerVendorId,
      tester: vendors.name,
      report: {
        fileName: securityAssessmentReports.fileName,
        kind: securityAssessmentReports.kind,
        size: securityAssessmentReports.size,
        uploadedAt: securityAssessmentReports.uploadedAt,
      },
    })
    .from(a)
    .innerJoin(vendors, and(eq(vendors.orgId, a.orgId), eq(vendors.id, a.testerVendorId)))
    .leftJoin(
      securityAssessmentReports,
      and(
        eq(securityAssessmentReports.orgId, a.orgId),
        eq(securityAssessmentReports.assessmentId, a.id),
      ),
    )
    .where(and(eq(a.orgId, orgId), eq(a.id, id)));
  return row && { ...row, report: row.report?.fileName ? row.report : null };
}

const findingColumns = {
  id: f.id,
  assessmentId: f.assessmentId,
  title: f.title,
  description: f.description,
  priority: f.priority,
  cvssScore: f.cvssScore,
  foundOn: f.foundOn,
  dueOn: f.dueOn,
  status: f.status,
  evidence: f.evidence,
  ownerId: f.ownerId,
  owner: users.name,
  updatedAt: f.updatedAt,
};

/** An assessment's findings in scope, by deadline (an assessment has tens of findings, not thousands). */
export async function findingsOf(tx: Tx, orgId: string, assessmentId: string, scope: OwnerScope) {
  return tx
    .select(findingColumns)
    .from(f)
    .innerJoin(users, eq(users.id, f.ownerId))
    .where(
      and(
        eq(f.orgId, orgId),
        eq(f.assessmentId, assessmentId),
        ownerInScope(f.orgId, f.ownerId, scope),
      ),
    )
    .orderBy(asc(f.dueOn), asc(f.id));
}

export async function getFinding(tx: Tx, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await tx
    .select({ ...findingColumns, assessmentTitle: a.title })
    .from(f)
    .innerJoin(users, eq(users.id, f.ownerId))
    .innerJoin(a, and(eq(a.orgId, f.orgId), eq(a.id, f.assessmentId)))
    .where(and(eq(f.orgId, orgId), eq(f.id, id), ownerInScope(f.orgId, f.ownerId, scope)));
  return row;
}

const overdue = (orgId: string, today: string) =>
  and(eq(f.orgId, orgId), inArray(f.status, [...remediationRunning]), lt(f.dueOn, today));

/** Findings past their deadline and still being remediated, most overdue first (the overview's list). */
export async function overdueFindings(
  tx: Tx,
  orgId: string,
  scope: OwnerScope,
  today: string,
  limit = 10,
) {
  const where = and(overdue(orgId, today), ownerInScope(f.orgId, f.ownerId, scope));
  const rows = await tx
    .select(findingColumns)
    .from(f)
    .innerJoin(users, eq(users.id, f.ownerId))
    .where(where)
    .orderBy(asc(f.dueOn), asc(f.id))
    .limit(limit);
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(f)
    .where(where);
  return { rows, total: n };
}

/** The findings a person owns that still wait for remediation or its retest: their My tasks. */
export async function findingsOwnedBy(tx: Tx, orgId: string, userId: string) {
  const waiting: FindingStatus[] = [...remediationRunning, "fixed"];
  return tx
    .select({
      id: f.id,
      title: f.title,
      priority: f.priority,
      dueOn: f.dueOn,
      status: f.status,
      assessmentTitle: a.title,
    })
    .from(f)
    .innerJoin(a, and(eq(a.orgId, f.orgId), eq(a.id, f.assessmentId)))
    .where(and(eq(f.orgId, orgId), eq(f.ownerId, userId), inArray(f.status, waiting)))
    .orderBy(asc(f.dueOn), asc(f.id));
}

/** Findings to link a risk to, newest first (a register holds hundreds at most). */
export async function findingOptions(tx: Tx, orgId: string) {
  return tx
    .select({ id: f.id, title: f.title, priority: f.priority })
    .from(f)
    .where(eq(f.orgId, orgId))
    .orderBy(desc(f.createdAt), desc(f.id))
    .limit(500);
}

/** Titles and statuses of the given findings, for the pages that link to them. */
export async function findingSummaries(tx: Tx, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: f.id, title: f.title, priority: f.priority, status: f.status, dueOn: f.dueOn })
    .from(f)
    .where(and(eq(f.orgId, orgId), inArray(f.id, ids)))
    .orderBy(asc(f.dueOn), asc(f.id));
}

export type FindingRow = Awaited<ReturnType<typeof findingsOf>>[number];

/** Whether the finding exists in this organisation. */
export async function findingExists(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: f.id })
    .from(f)
    .where(and(eq(f.orgId, orgId), eq(f.id, id)));
  return row !== undefined;
}
