import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { loadActor } from "@/lib/core/auth/actor";
import { recordSignOut } from "@/lib/core/auth/sign-out";
import { addMember } from "@/lib/users/commands";
import { createMember, createOrg, TEST_PASSWORD } from "@/tests/factories";
import { auditedActions, readUser } from "./test-support";

describe("signing out", () => {
  it("is recorded in each organisation the person belongs to", async () => {
    const first = await createOrg();
    const second = await createOrg();
    const userId = await createMember(first.orgId, "employee");
    const { email } = await readUser(userId);
    await withTenant(second.orgId, (tx) =>
      addMember(tx, second.orgId, {
        email,
        name: "x",
        role: "auditor",
        temporaryPassword: TEST_PASSWORD,
        mustChangePassword: false,
      }),
    );

    await recordSignOut(userId, 1);
    for (const { orgId } of [first, second]) {
      expect(await auditedActions(orgId, userId)).toEqual([
        { action: "auth.signed_out", targetId: userId, details: {} },
      ]);
    }
  });

  it("ends the session on the server: a copied cookie of that session no longer resolves", async () => {
    const { orgId } = await createOrg();
    const userId = await createMember(orgId, "employee");
    expect(await loadActor(userId, 1, orgId)).not.toBeNull();
    await recordSignOut(userId, 1);
    expect(await loadActor(userId, 1, orgId)).toBeNull();
    expect((await readUser(userId)).sessionVersion).toBe(2);
  });

  it("records nothing for a session that had already ended", async () => {
    const { orgId } = await createOrg();
    const userId = await createMember(orgId, "employee");
    await withoutTenant((tx) =>
      tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, userId)),
    );
    await recordSignOut(userId, 1);
    expect(await auditedActions(orgId, userId)).toEqual([]);
  });
});
