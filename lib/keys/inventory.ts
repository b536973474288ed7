import "server-only";
import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditCheckpoints, dataKeys, keyRotations, memberships, orgKeys, users } from "@/db/schema";
import { auditSigningKey } from "@/lib/core/audit/signing-key";
import { masterKeyProvider } from "@/lib/core/crypto/key-provider";
import type { OrgKeyStatus } from "@/db/schema/keys";
import {
  noValues,
  protectedByVersion,
  totalOf,
  type ProtectedValues,
} from "@/lib/keys/protected-values";

export interface OrgKeyVersionRow {
  version: number;
  status: OrgKeyStatus;
  createdAt: Date;
  destroyedAt: Date | null;
  wrappedBy: string;
  /** What it protects (ProtectedValues), and their sum. */
  values: ProtectedValues;
  total: number;
}

/**
 * Every key the organisation's data depends on, with what it protects (ASVS 11.1.2). Names, ids
 * and counts only: no key material, derived or stored, ever leaves this function.
 */
export async function keyInventory(tx: Tx, orgId: string) {
  const provider = masterKeyProvider();
  const byVersion = await protectedByVersion(tx, orgId);
  const versions: OrgKeyVersionRow[] = (
    await tx
      .select({
        version: orgKeys.version,
        status: orgKeys.status,
        createdAt: orgKeys.createdAt,
        destroyedAt: orgKeys.destroyedAt,
        wrappedBy: orgKeys.wrappedBy,
      })
      .from(orgKeys)
      .where(eq(orgKeys.orgId, orgId))
      .orderBy(desc(orgKeys.version))
  ).map((row) => {
    const values = byVersion.get(row.version) ?? noValues();
    return { ...row, values, total: totalOf(values) };
  });

  const [dataKeyCounts] = await tx
    .select({
      live: sql<number>`count(*) filter (where ${dataKeys.wrappedKey} is not null)::int`,
      destroyed: sql<number>`count(*) filter (where ${dataKeys.wrappedKey} is null)::int`,
    })
    .from(dataKeys)
    .where(eq(dataKeys.orgId, orgId));
  // The TOTP key is the deployment's; this organisation sees only its own members' secrets.
  const [totp] = await tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        isNull(memberships.deactivatedAt),
        isNotNull(users.totpSecret),
      ),
    );
  const signing = auditSigningKey();
  const [checkpoints] = await tx
    .select({ n: count() })
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.orgId, orgId), eq(auditCheckpoints.keyId, signing.keyId)));

  const wrappedBy = (id: string) =>
    versions.filter((v) => v.status !== "destroyed" && v.wrappedBy === id).length;
  return {
    master: [provider.keyId, ...provider.previousKeyIds].map((id) => ({
      id,
      current: id === provider.keyId,
      orgKeyVersions: wrappedBy(id),
    })),
    versions,
    dataKeys: dataKeyCounts,
    totpSecrets: totp.n,
    auditSigning: { keyId: signing.keyId, checkpoints: checkpoints.n },
  };
}

export type KeyInventory = Awaited<ReturnType<typeof keyInventory>>;

/** The latest rotations, newest first, with the name of who started each. */
export async function rotationHistory(tx: Tx, orgId: string, limit = 10) {
  return tx
    .select({
      id: keyRotations.id,
      toVersion: keyRotations.toVersion,
      status: keyRotations.status,
      total: keyRotations.total,
      done: keyRotations.done,
      startedAt: keyRotations.startedAt,
      finishedAt: keyRotations.finishedAt,
      startedBy: sql<string>`coalesce(${users.name}, ${keyRotations.startedBy})`,
    })
    .from(keyRotations)
    .leftJoin(users, sql`${users.id}::text = ${keyRotations.startedBy}`)
    .where(eq(keyRotations.orgId, orgId))
    .orderBy(desc(keyRotations.startedAt))
    .limit(limit);
}

export type RotationRow = Awaited<ReturnType<typeof rotationHistory>>[number];
