import { randomUUID } from "node:crypto";
import { withTenant } from "@/db/tenant";
import { seedVendors } from "@/db/seed/vendors";
import { departments } from "@/db/schema";
import { createCheckpoint } from "@/lib/core/audit/checkpoint";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { recordAudit } from "@/lib/core/audit/record";
import { upsertCustomers } from "@/lib/customers/commands";
import { createMember, createOrg } from "./factories";

/**
 * Two organisations with at least one row in every tenant table. A module that adds a tenant
 * table adds its rows here; the tenancy test fails until it does.
 */
export async function seedTenancyFixture(): Promise<{ orgA: string; orgB: string }> {
  const ids: string[] = [];
  for (const _ of [0, 1]) {
    const { orgId } = await createOrg();
    await createMember(orgId, "employee");
    await withTenant(orgId, async (tx) => {
      const system = { type: "system", id: "tenancy-test" } as const;
      const [dept] = await tx.insert(departments).values({ orgId, name: "Legal" }).returning({ id: departments.id });
      await recordAudit(tx, orgId, system, { action: "department.created", targetType: "department", targetId: dept.id });
      await seedVendors(tx, orgId, "few", system);
      // Creates the org key (org_keys) and one subject's data key (data_keys).
      await dataKeyFor(tx, orgId, randomUUID());
      await upsertCustomers(tx, orgId, [{ externalRef: "tenancy-1", phone: "+8613800138000" }]);
      await createCheckpoint(tx, orgId, (entry) => recordAudit(tx, orgId, system, entry));
    });
    ids.push(orgId);
  }
  return { orgA: ids[0], orgB: ids[1] };
}
