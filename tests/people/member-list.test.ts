import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { encodeCursor } from "@/lib/core/pagination/cursor";
import type { MemberListQuery } from "@/lib/users/list-query";
import { listMembers } from "@/lib/users/queries";
import { addMember } from "@/lib/users/commands";
import { createMember, createOrg, TEST_PASSWORD } from "@/tests/factories";

let orgId: string;
const names = ["Ada", "Bea", "Cai", "Dan", "Eve"];

beforeAll(async () => {
  ({ orgId } = await createOrg());
  await withTenant(orgId, async (tx) => {
    for (const name of names) {
      await addMember(tx, orgId, {
        email: `${name.toLowerCase()}-${orgId.slice(0, 8)}@list.example`,
        name,
        role: "employee",
        temporaryPassword: TEST_PASSWORD,
        mustChangePassword: false,
      });
    }
  });
  // The owner also belongs elsewhere: that membership must never show in this organisation's list.
  const other = await createOrg();
  await createMember(other.orgId, "employee");
  await withTenant(other.orgId, (tx) =>
    addMember(tx, other.orgId, {
      email: `x-${other.orgId}@list.example`,
      name: "Zed",
      role: "admin",
      temporaryPassword: TEST_PASSWORD,
      mustChangePassword: false,
    }),
  );
});

async function allPages(query: Omit<MemberListQuery, "cursor">, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await withTenant(orgId, (tx) =>
      listMembers(tx, orgId, { ...query, cursor }, limit),
    );
    seen.push(...page.rows.map((r) => r.name));
    if (!page.next) return seen;
    cursor = encodeCursor(page.next);
  }
  throw new Error("pagination did not end");
}

describe("member list", () => {
  it("walks every member of this organisation once, in order, by keyset pages", async () => {
    expect(await allPages({ sort: "name", dir: "asc" }, 2)).toEqual([
      "Ada",
      "Bea",
      "Cai",
      "Dan",
      "Eve",
      "Owner",
    ]);
    expect(await allPages({ sort: "name", dir: "desc" }, 4)).toEqual([
      "Owner",
      "Eve",
      "Dan",
      "Cai",
      "Bea",
      "Ada",
    ]);
    expect(await allPages({ sort: "email", dir: "asc" }, 2)).toHaveLength(6);
  });

  it("searches name or email and filters by role and status", async () => {
    expect(await allPages({ sort: "name", dir: "asc", q: "V" }, 10)).toEqual(["Eve"]);
    expect(await allPages({ sort: "name", dir: "asc", q: "%" }, 10)).toEqual([]);
    expect(await allPages({ sort: "name", dir: "asc", role: "owner" }, 10)).toEqual(["Owner"]);
    const dan = await withTenant(orgId, (tx) =>
      listMembers(tx, orgId, { sort: "name", dir: "asc", q: "Dan" }, 1),
    );
    await withTenant(orgId, (tx) =>
      tx
        .update(memberships)
        .set({ deactivatedAt: new Date() })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, dan.rows[0].userId))),
    );
    expect(await allPages({ sort: "name", dir: "asc", status: "deactivated" }, 10)).toEqual([
      "Dan",
    ]);
    expect(await allPages({ sort: "name", dir: "asc", status: "active" }, 10)).not.toContain("Dan");
  });
});
