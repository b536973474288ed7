import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { addMember } from "@/lib/users/commands";
import { DEMO_PASSWORD } from "./accounts";
import type { Role } from "@/db/schema";

/** Adds the end-to-end-only accounts to their organisation (the demo one unless named). */
export async function addExtraUsers(people: ReadonlyArray<{ email: string; name: string; role: Role; org?: string }>): Promise<void> {
  await withoutTenant(async (tx) => {
    const { enterTenant } = await import("@/db/tenant");
    for (const { org: slug = "demo", ...person } of people) {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
      await enterTenant(tx, org.id);
      const { userId } = await addMember(tx, org.id, { ...person, temporaryPassword: DEMO_PASSWORD, mustChangePassword: false });
      await recordAudit(tx, org.id, { type: "system", id: "e2e-seed" }, { action: "user.invited", targetType: "user", targetId: userId, details: { role: person.role } });
    }
  });
}
