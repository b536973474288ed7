import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  departments,
  memberships,
  policyAcknowledgements,
  policyDocuments,
  policyVersions,
  users,
  type Role,
} from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";
import { can } from "@/lib/core/authz/permissions";
import { compareNames } from "@/lib/core/i18n/collate";
import { AppError } from "@/lib/core/errors";
import { inAudience } from "./audience";
import type { TenantContext } from "@/lib/core/tenancy/context";

/**
 * Staff acknowledgements. A person must acknowledge a document when it requires acknowledgement,
 * has a published version, and their department is in its audience (an empty audience is
 * everyone). What they acknowledge is the version published now: a new publication asks again.
 */

export interface AcknowledgementTask {
  documentId: string;
  title: LocalizedText;
  versionId: string;
  version: number;
  effectiveOn: string;
  acknowledgedAt: Date | null;
}

/** Who is looking at the tracking view: a manager sees their own department, the other readers everyone. */
export interface Viewer {
  userId: string;
  role: Role;
}

/** Documents that require acknowledgement, each with its published version. */
export async function requiredDocuments(tx: Tx, orgId: string, documentId?: string) {
  return tx
    .select({
      documentId: policyDocuments.id,
      title: policyDocuments.title,
      audience: policyDocuments.audienceDepartmentIds,
      versionId: policyVersions.id,
      version: policyVersions.version,
      effectiveOn: policyVersions.effectiveOn,
    })
    .from(policyDocuments)
    .innerJoin(
      policyVersions,
      and(
        eq(policyVersions.orgId, policyDocuments.orgId),
        eq(policyVersions.documentId, policyDocuments.id),
        eq(policyVersions.status, "published"),
      ),
    )
    .where(
      and(
        eq(policyDocuments.orgId, orgId),
        eq(policyDocuments.acknowledgementRequired, true),
        documentId ? eq(policyDocuments.id, documentId) : undefined,
      ),
    )
    .orderBy(policyDocuments.slug);
}

async function activeMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ departmentId: memberships.departmentId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  return row;
}

export async function acknowledgementsOf(
  tx: Tx,
  orgId: string,
  versionIds: string[],
  userIds?: string[],
) {
  if (versionIds.length === 0 || userIds?.length === 0) return [];
  return tx
    .select({
      versionId: policyAcknowledgements.versionId,
      userId: policyAcknowledgements.userId,
      acknowledgedAt: policyAcknowledgements.acknowledgedAt,
    })
    .from(policyAcknowledgements)
    .where(
      and(
        eq(policyAcknowledgements.orgId, orgId),
        inArray(policyAcknowledgements.versionId, versionIds),
        userIds ? inArray(policyAcknowledgements.userId, userIds) : undefined,
      ),
    );
}

/** A person's own acknowledgements: still to do, and done for the version in force. */
export async function myAcknowledgements(
  tx: Tx,
  orgId: string,
  userId: string,
): Promise<{ pending: AcknowledgementTask[]; done: AcknowledgementTask[] }> {
  const member = await activeMembership(tx, orgId, userId);
  if (!member) return { pending: [], done: [] };
  const docs = (await requiredDocuments(tx, orgId)).filter((d) =>
    inAudience(d.audience, member.departmentId),
  );
  const acks = await acknowledgementsOf(
    tx,
    orgId,
    docs.map((d) => d.versionId),
    [userId],
  );
  const tasks = docs.map(({ audience: _, ...d }): AcknowledgementTask => ({
    ...d,
    acknowledgedAt: acks.find((a) => a.versionId === d.versionId)?.acknowledgedAt ?? null,
  }));
  return {
    pending: tasks.filter((t) => !t.acknowledgedAt),
    done: tasks.filter((t) => t.acknowledgedAt),
  };
}

/** The version a person is asked to read and acknowledge, or undefined when the document asks nothing of them. */
export async function acknowledgementTask(
  tx: Tx,
  orgId: string,
  userId: string,
  documentId: string,
) {
  const member = await activeMembership(tx, orgId, userId);
  const [doc] = await requiredDocuments(tx, orgId, documentId);
  if (!member || !doc || !inAudience(doc.audience, member.departmentId)) return undefined;
  const [version] = await tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.id, doc.versionId)));
  const [ack] = await acknowledgementsOf(tx, orgId, [doc.versionId], [userId]);
  return { title: doc.title, version, acknowledgedAt: ack?.acknowledgedAt ?? null };
}

/**
 * Records that `userId` read the published version `versionId`. Only for themself, only the
 * version in force (one superseded meanwhile is a conflict: the page reloads with the new one),
 * only when the document asks it of them, and once: a repeat writes nothing and says so.
 */
export async function acknowledgeVersion(
  ctx: TenantContext,
  userId: string,
  versionId: string,
  at?: Date,
): Promise<{ documentId: string }> {
  // A share lock: a publication superseding this version waits for us, or we see it superseded.
  const [version] = await ctx.tx
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, ctx.orgId), eq(policyVersions.id, versionId)))
    .for("share");
  if (!version || (version.status !== "published" && version.status !== "superseded"))
    throw new AppError("notFound");
  if (version.status === "superseded") throw new AppError("conflict");
  const [doc] = await requiredDocuments(ctx.tx, ctx.orgId, version.documentId);
  const member = await activeMembership(ctx.tx, ctx.orgId, userId);
  if (!doc) throw new AppError("notFound");
  if (!member || !inAudience(doc.audience, member.departmentId)) throw new AppError("forbidden");
  const inserted = await ctx.tx
    .insert(policyAcknowledgements)
    .values({ orgId: ctx.orgId, versionId, userId, ...(at && { acknowledgedAt: at }) })
    .onConflictDoNothing()
    .returning({ id: policyAcknowledgements.id });
  if (inserted.length === 0) throw new AppError("conflict");
  await ctx.audit({
    action: "policy.acknowledged",
    targetType: "policy",
    targetId: doc.documentId,
    details: { documentId: doc.documentId, versionId, version: version.version },
  });
  return { documentId: doc.documentId };
}

export interface TrackedPerson {
  userId: string;
  name: string;
  departmentName: string | null;
  acknowledgedAt: Date | null;
}

/** Active members the viewer may see: a manager only their own department (none without one), others everyone. */
async function visibleMembers(tx: Tx, orgId: string, viewer: Viewer) {
  if (!can(viewer.role, "acknowledgements.read")) throw new AppError("forbidden");
  let department: string | null | undefined;
  if (viewer.role === "manager") {
    department = (await activeMembership(tx, orgId, viewer.userId))?.departmentId ?? null;
    if (department === null) return { scope: "department" as const, people: [] };
  }
  const people = await tx
    .select({
      userId: memberships.userId,
      name: users.name,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      departments,
      and(eq(departments.orgId, memberships.orgId), eq(departments.id, memberships.departmentId)),
    )
    .where(
      and(
        eq(memberships.orgId, orgId),
        isNull(memberships.deactivatedAt),
        department ? eq(memberships.departmentId, department) : undefined,
      ),
    );
  return { scope: department ? ("department" as const) : ("organisation" as const), people };
}

/** Per document requiring acknowledgement: how many of the people the viewer sees have acknowledged the version in force. */
export async function acknowledgementProgress(tx: Tx, orgId: string, viewer: Viewer) {
  const docs = await requiredDocuments(tx, orgId);
  const { people } = await visibleMembers(tx, orgId, viewer);
  const acks = await acknowledgementsOf(
    tx,
    orgId,
    docs.map((d) => d.versionId),
    people.map((p) => p.userId),
  );
  return docs.map(({ audience, ...d }) => {
    const required = people.filter((p) => inAudience(audience, p.departmentId));
    const acknowledged = required.filter((p) =>
      acks.some((a) => a.versionId === d.versionId && a.userId === p.userId),
    ).length;
    return { ...d, total: required.length, acknowledged };
  });
}

/**
 * One document's tracking: who must acknowledge the version in force (within what the viewer may
 * see), who has and when. Undefined when the document does not exist.
 */
export async function acknowledgementTracking(
  tx: Tx,
  orgId: string,
  viewer: Viewer,
  documentId: string,
) {
  const [doc] = await tx
    .select()
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.id, documentId)));
  if (!doc) return undefined;
  const { scope, people } = await visibleMembers(tx, orgId, viewer);
  const [current] = await requiredDocuments(tx, orgId, documentId);
  if (!current) return { doc, version: null, scope, people: [] as TrackedPerson[] };
  const required = people.filter((p) => inAudience(doc.audienceDepartmentIds, p.departmentId));
  const acks = await acknowledgementsOf(
    tx,
    orgId,
    [current.versionId],
    required.map((p) => p.userId),
  );
  const tracked = required
    .map(({ departmentId: _, ...p }): TrackedPerson => ({
      ...p,
      acknowledgedAt: acks.find((a) => a.userId === p.userId)?.acknowledgedAt ?? null,
    }))
    .sort((a, b) => compareNames(a.name, b.name));
  return {
    doc,
    version: { id: current.versionId, version: current.version, effectiveOn: current.effectiveOn },
    scope,
    people: tracked,
  };
}
