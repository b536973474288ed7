import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { addMember } from "@/lib/users/commands";
import { DEMO_PASSWORD } from "./accounts";
import type { Role } from "@/db/schema";

/** Adds the end-to-end-only accounts to the demo organisation. */
export async function addExtraUsers(people: ReadonlyArray<{ email: string; name: string; role: Role }>): Promise<void> {
  await withoutTenant(async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "demo"));
    const { enterTenant } = await import("@/db/tenant");
    await enterTenant(tx, org.id);
    for (const person of people) {
      const { userId } = await addMember(tx, org.id, { ...person, temporaryPassword: DEMO_PASSWORD, mustChangePassword: false });
      await recordAudit(tx, org.id, { type: "system", id: "e2e-seed" }, { action: "user.invited", targetType: "user", targetId: userId, details: { role: person.role } });
    }
  });
}
