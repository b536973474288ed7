import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withoutTenant, withTenant } from "@/db/tenant";
import { addMember } from "@/lib/users/commands";
import { createOrg, TEST_PASSWORD } from "@/tests/factories";
import { auditForUser } from "./audit-for-user";

/** A person who joined the given organisations in that order (membership order differs per person). */
async function memberOf(orgIds: string[]): Promise<string> {
  const email = `multi-${randomBytes(4).toString("hex")}@test.example`;
  let userId = "";
  for (const orgId of orgIds) {
    userId = (
      await withTenant(orgId, (tx) =>
        addMember(tx, orgId, {
          email,
          name: "Multi",
          role: "employee",
          temporaryPassword: TEST_PASSWORD,
          mustChangePassword: false,
        }),
      )
    ).userId;
  }
  return userId;
}

describe("auditForUser", () => {
  it("never deadlocks when people with the same organisations are audited at once", async () => {
    const a = (await createOrg()).orgId;
    const b = (await createOrg()).orgId;
    const x = await memberOf([a, b]);
    const y = await memberOf([b, a]);
    const audit = (userId: string) =>
      withoutTenant(
        (tx) =>
          auditForUser(tx, userId, {
            action: "auth.signed_in",
            targetType: "user",
            targetId: userId,
          }),
        userId,
      );
    const failures: unknown[] = [];
    for (let i = 0; i < 25; i++) {
      for (const result of await Promise.allSettled([audit(x), audit(y)]))
        if (result.status === "rejected") failures.push(result.reason);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
