import "server-only";
import type { Tx } from "@/db/client";
import { memberships, organizations, type Jurisdiction, type Locale } from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import { recordAudit, type AuditActor } from "@/lib/core/audit/record";

export interface NewOrganization {
  slug: string;
  nameZh: string;
  nameEn: string;
  jurisdictions: Jurisdiction[];
  locale: Locale;
}

/**
 * Creates an organisation with its first owner, and starts its audit chain with the creation.
 * Leaves the transaction pointed at the new organisation.
 */
export async function createOrganization(tx: Tx, input: NewOrganization, ownerUserId: string, actor: AuditActor): Promise<string> {
  const [org] = await tx.insert(organizations).values(input).returning({ id: organizations.id });
  await enterTenant(tx, org.id, ownerUserId);
  await tx.insert(memberships).values({ orgId: org.id, userId: ownerUserId, role: "owner" });
  await recordAudit(tx, org.id, actor, {
    action: "organization.created",
    targetType: "organization",
    targetId: org.id,
    details: { slug: input.slug, jurisdictions: input.jurisdictions },
  });
  return org.id;
}
