import "server-only";
import { and, asc, eq, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { riskFindings, risks, riskVendors, users, vendors, type Role } from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import { findingSummaries } from "@/lib/security-tests/queries";
import { ownerInScope, type OwnerScope } from "@/lib/users/department-scope";

export const RISK_PAGE_SIZE = 25;
const approver = alias(users, "approver");

const listColumns = {
  id: risks.id,
  title: risks.title,
  ownerId: risks.ownerId,
  owner: users.name,
  treatment: risks.treatment,
  inherentLikelihood: risks.inherentLikelihood,
  inherentImpact: risks.inherentImpact,
  residualLikelihood: risks.residualLikelihood,
  residualImpact: risks.residualImpact,
  residualScore: risks.residualScore,
  reviewOn: risks.reviewOn,
  acceptedBy: risks.acceptedBy,
  acceptanceExpiresOn: risks.acceptanceExpiresOn,
};

/** The register, highest residual score first, a keyset page at a time; a manager sees their department's. */
export async function listRisks(tx: Tx, orgId: string, scope: OwnerScope, cursorRaw?: string) {
  const cursor = decodeCursor(cursorRaw);
  const rows = await tx
    .select(listColumns)
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerId))
    .where(
      and(
        eq(risks.orgId, orgId),
        ownerInScope(risks.orgId, risks.ownerId, scope),
        afterCursor(risks.residualScore, risks.id, "desc", cursor),
      ),
    )
    .orderBy(...keysetOrder(risks.residualScore, risks.id, "desc"))
    .limit(RISK_PAGE_SIZE + 1);
  const page = pageOf(rows, RISK_PAGE_SIZE, (r) => ({ v: r.residualScore, id: r.id }));
  return { rows: page.rows, next: page.next && encodeCursor(page.next) };
}

export async function getRisk(tx: Tx, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await tx
    .select({
      ...listColumns,
      description: risks.description,
      acceptanceRequestedBy: risks.acceptanceRequestedBy,
      acceptedAt: risks.acceptedAt,
      approver: approver.name,
      updatedAt: risks.updatedAt,
    })
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerId))
    .leftJoin(approver, eq(approver.id, risks.acceptedBy))
    .where(
      and(
        eq(risks.orgId, orgId),
        eq(risks.id, id),
        ownerInScope(risks.orgId, risks.ownerId, scope),
      ),
    );
  if (!row) return undefined;
  const findingIds = await tx
    .select({ id: riskFindings.findingId })
    .from(riskFindings)
    .where(and(eq(riskFindings.orgId, orgId), eq(riskFindings.riskId, id)));
  const findings = await findingSummaries(
    tx,
    orgId,
    findingIds.map((f) => f.id),
  );
  const linkedVendors = await tx
    .select({ id: vendors.id, name: vendors.name })
    .from(riskVendors)
    .innerJoin(
      vendors,
      and(eq(vendors.orgId, riskVendors.orgId), eq(vendors.id, riskVendors.vendorId)),
    )
    .where(and(eq(riskVendors.orgId, orgId), eq(riskVendors.riskId, id)))
    .orderBy(asc(vendors.name));
  return { ...row, findings, vendors: linkedVendors };
}

/**
 * The heat map's counts: risks per residual (likelihood, impact) cell, and the acceptances that
 * have expired. One grouped pass over the register (hundreds of rows per organisation).
 */
export async function riskHeatMap(tx: Tx, orgId: string, scope: OwnerScope, today: string) {
  const inScope = and(eq(risks.orgId, orgId), ownerInScope(risks.orgId, risks.ownerId, scope));
  const cells = await tx
    .select({
      likelihood: risks.residualLikelihood,
      impact: risks.residualImpact,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(risks)
    .where(inScope)
    .groupBy(risks.residualLikelihood, risks.residualImpact);
  const [{ expired, pending }] = await tx
    .select({
      expired:
        sql<number>`count(*) filter (where ${and(isNotNull(risks.acceptedBy), lte(risks.acceptanceExpiresOn, today))})`.mapWith(
          Number,
        ),
      pending:
        sql<number>`count(*) filter (where ${and(eq(risks.treatment, "accept"), isNull(risks.acceptedBy))})`.mapWith(
          Number,
        ),
    })
    .from(risks)
    .where(inScope);
  return { cells, expired, pending };
}

/** Acceptances this person may approve (four-eyes: not their own risks, not ones they asked for). */
export async function acceptancesAwaiting(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
) {
  if (!can(viewer.role, "risks.approve")) return [];
  return tx
    .select({
      id: risks.id,
      title: risks.title,
      residualScore: risks.residualScore,
      owner: users.name,
    })
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerId))
    .where(
      and(
        eq(risks.orgId, orgId),
        eq(risks.treatment, "accept"),
        isNull(risks.acceptedBy),
        ne(risks.ownerId, viewer.userId),
        or(isNull(risks.acceptanceRequestedBy), ne(risks.acceptanceRequestedBy, viewer.userId)),
      ),
    )
    .orderBy(asc(risks.reviewOn), asc(risks.id));
}
