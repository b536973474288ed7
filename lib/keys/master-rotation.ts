import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { memberships, organizations, users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { resealTotpSecret } from "@/lib/core/auth/totp-secret";
import { masterKeyProvider } from "@/lib/core/crypto/key-provider";
import { rewrapOrgKeys } from "@/lib/core/crypto/org-keys";

export interface MasterRotationSummary {
  masterKeyId: string;
  organisations: number;
  /** Organisation key versions rewrapped under the current master key. */
  orgKeyVersions: number;
  /** TOTP secrets resealed under the current master key's derived key. */
  totpSecrets: number;
}

/** Reseals every TOTP secret the current master key's derived key does not open; returns their users. */
async function resealTotpSecrets(): Promise<string[]> {
  return withoutTenant(async (tx) => {
    const rows = await tx
      .select({ id: users.id, secret: users.totpSecret })
      .from(users)
      .where(isNotNull(users.totpSecret))
      .for("update");
    const resealed: string[] = [];
    for (const row of rows) {
      const sealed = resealTotpSecret(row.id, row.secret!);
      if (!sealed) continue;
      await tx.update(users).set({ totpSecret: sealed }).where(eq(users.id, row.id));
      resealed.push(row.id);
    }
    return resealed;
  });
}

/**
 * `npm run keys:rotate-master`, after MASTER_KEY became the new key and MASTER_KEY_PREVIOUS the
 * old: rewraps every organisation key version not wrapped by the current master (each
 * organisation in its own transaction, audited `key.master_rotated` with counts) and reseals
 * TOTP secrets. Idempotent: a second run finds nothing to do and records nothing. Afterwards
 * MASTER_KEY_PREVIOUS can be removed.
 */
export async function rotateMasterKey(): Promise<MasterRotationSummary> {
  const { keyId } = masterKeyProvider();
  const totpUsers = await resealTotpSecrets();
  const orgs = await withoutTenant((tx) => tx.select({ id: organizations.id }).from(organizations));
  let orgKeyVersions = 0;
  for (const { id: orgId } of orgs) {
    orgKeyVersions += await inTenant(
      orgId,
      { type: "system", id: "keys:rotate-master" },
      async ({ tx, audit }) => {
        const rewrapped = await rewrapOrgKeys(tx, orgId);
        const members =
          totpUsers.length === 0
            ? []
            : await tx
                .select({ userId: memberships.userId })
                .from(memberships)
                .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, totpUsers)));
        if (rewrapped > 0 || members.length > 0) {
          await audit({
            action: "key.master_rotated",
            targetType: "org_key",
            details: { masterKeyId: keyId, orgKeyVersions: rewrapped, totpSecrets: members.length },
          });
        }
        return rewrapped;
      },
    );
  }
  return {
    masterKeyId: keyId,
    organisations: orgs.length,
    orgKeyVersions,
    totpSecrets: totpUsers.length,
  };
}
