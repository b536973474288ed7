import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { acknowledgementsOf, requiredDocuments } from "./acknowledgements";
import { inAudience } from "./audience";

/**
 * Acknowledgement coverage over the active members of one department (or everyone): per person
 * how many published documents ask them and how many they acknowledged, and per document the
 * same counts. The department page and the "policies acknowledged" control read it.
 */
export async function acknowledgementCoverage(tx: Tx, orgId: string, departmentId: string | null) {
  const docs = await requiredDocuments(tx, orgId);
  const people = await tx
    .select({
      userId: memberships.userId,
      name: users.name,
      departmentId: memberships.departmentId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        isNull(memberships.deactivatedAt),
        departmentId ? eq(memberships.departmentId, departmentId) : undefined,
      ),
    );
  const acks = await acknowledgementsOf(
    tx,
    orgId,
    docs.map((d) => d.versionId),
    people.map((p) => p.userId),
  );
  const done = new Set(acks.map((a) => `${a.versionId}:${a.userId}`));
  const byPerson = people.map((p) => {
    const asked = docs.filter((d) => inAudience(d.audience, p.departmentId));
    return {
      userId: p.userId,
      name: p.name,
      required: asked.length,
      acknowledged: asked.filter((d) => done.has(`${d.versionId}:${p.userId}`)).length,
    };
  });
  const byDocument = docs.map((d) => {
    const asked = people.filter((p) => inAudience(d.audience, p.departmentId));
    return {
      documentId: d.documentId,
      title: d.title,
      version: d.version,
      required: asked.length,
      acknowledged: asked.filter((p) => done.has(`${d.versionId}:${p.userId}`)).length,
    };
  });
  const required = byPerson.reduce((n, p) => n + p.required, 0);
  const acknowledged = byPerson.reduce((n, p) => n + p.acknowledged, 0);
  return { byPerson, byDocument, required, acknowledged };
}
