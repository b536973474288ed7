import { and, count, eq, sql } from "drizzle-orm";
import { departments, memberships, organizations, users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { recordAudit, type AuditActor } from "@/lib/core/audit/record";
import { createOrganization } from "@/lib/organizations/commands";
import { addMember, createUser } from "@/lib/users/commands";
import { seedCompliance } from "./compliance";
import { seedConsent } from "./consent";
import { DEMO_PASSWORD, demoOrganizations } from "./demo";
import { seedIncidents } from "./incidents";
import { seedIncidentResponse } from "./incident-response";
import { seedPolicies } from "./policies";
import { seedPurposes } from "./purposes";
import { seedRequests } from "./requests";
import { seedRisks } from "./risks";
import { seedSystems } from "./systems";
import { seedSecurityTests } from "./security-tests";
import { seedTraining } from "./training";
import { seedVault } from "./vault";
import { seedVendors } from "./vendors";
import { log } from "@/lib/core/log/logger";

const system: AuditActor = { type: "system", id: "seed" };

/** Creates the demo organisations, people, departments, vendors and customer vault, each step audited. */
export async function seedDemo(): Promise<void> {
  await withoutTenant(async (tx) => {
    for (const spec of demoOrganizations) {
      const [owner, ...others] = spec.people;
      const [existingOwner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${owner.email}`);
      const ownerId =
        existingOwner?.id ??
        (await createUser(tx, {
          email: owner.email,
          name: owner.name,
          password: DEMO_PASSWORD,
          mustChangePassword: false,
        }));
      const orgId = await createOrganization(
        tx,
        {
          slug: spec.slug,
          nameZh: spec.nameZh,
          nameEn: spec.nameEn,
          jurisdictions: [...spec.jurisdictions],
          locale: spec.locale,
        },
        ownerId,
        system,
      );

      const departmentIds = new Map<string, string>();
      for (const name of spec.departments) {
        const [row] = await tx
          .insert(departments)
          .values({ orgId, name })
          .returning({ id: departments.id });
        departmentIds.set(name, row.id);
        await recordAudit(tx, orgId, system, {
          action: "department.created",
          targetType: "department",
          targetId: row.id,
        });
      }
      const departmentOf = (name: string | null) =>
        name ? (departmentIds.get(name) ?? null) : null;
      await tx
        .update(memberships)
        .set({ departmentId: departmentOf(owner.department) })
        .where(eq(memberships.userId, ownerId));

      const userIds = new Map<string, string>([[owner.email, ownerId]]);
      for (const person of others) {
        const { userId } = await addMember(tx, orgId, {
          email: person.email,
          name: person.name,
          role: person.role,
          departmentId: departmentOf(person.department),
          temporaryPassword: DEMO_PASSWORD,
          mustChangePassword: false,
        });
        userIds.set(person.email, userId);
        await recordAudit(tx, orgId, system, {
          action: "user.invited",
          targetType: "user",
          targetId: userId,
          details: { role: person.role },
        });
      }
      for (const [name, email] of Object.entries(spec.heads)) {
        const id = departmentIds.get(name)!;
        await tx
          .update(departments)
          .set({ headUserId: userIds.get(email)! })
          .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
        await recordAudit(tx, orgId, system, {
          action: "department.updated",
          targetType: "department",
          targetId: id,
          details: { fields: ["headUserId"] },
        });
      }
      await seedVendors(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedVault(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedPolicies(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedPurposes(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedSystems(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedConsent(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedRequests(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedSecurityTests(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedRisks(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedIncidents(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedCompliance(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedTraining(tx, orgId, spec.slug === "demo" ? "full" : "few", system);
      await seedIncidentResponse(tx, orgId, spec.slug === "demo" ? "full" : "few");
    }
  });
}

/** Seeds on the first start of the embedded demo database only. */
export async function seedIfEmpty(): Promise<boolean> {
  const [{ n }] = await withoutTenant((tx) => tx.select({ n: count() }).from(organizations));
  if (n > 0) return false;
  await seedDemo();
  log.info("Demo data created: the README gives the demo sign-in");
  return true;
}
