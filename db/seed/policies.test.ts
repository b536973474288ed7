import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { departments, memberships } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { acknowledgementTracking, myAcknowledgements } from "@/lib/policies/acknowledgements";
import { listDocuments, listVersions, publicDocument } from "@/lib/policies/queries";
import { createMember, createOrg } from "@/tests/factories";
import { seedPolicies } from "./policies";

afterAll(closeAppDb);

describe("demo policies", () => {
  it("publishes the privacy policy v1 in both languages, keeps v2 as a material-change draft, and adds the companion documents", async () => {
    const { orgId } = await createOrg();
    const [officer, admin] = [
      await createMember(orgId, "privacy_officer"),
      await createMember(orgId, "admin"),
    ];
    await withTenant(orgId, (tx) =>
      seedPolicies(tx, orgId, "full", { type: "system", id: "seed" }),
    );
    const { docs, versions } = await withTenant(orgId, async (tx) => {
      const docs = await listDocuments(tx, orgId);
      return {
        docs,
        versions: await listVersions(tx, orgId, docs.find((d) => d.slug === "privacy")!.id),
      };
    });
    expect(docs.map((d) => [d.kind, d.published?.version])).toEqual([
      ["privacy_policy", 1],
      ["children", 1],
      ["sdk_list", 1],
      ["cookie", 1],
      ["other", 2],
    ]);
    expect(versions.map((v) => [v.version, v.status, v.materialChange])).toEqual([
      [2, "draft", true],
      [1, "published", false],
    ]);
    const [v2, v1] = versions;
    expect(v1).toMatchObject({ authorId: officer, approvedBy: admin });
    expect(v1.content["zh-CN"]).toContain("个人信息保护法");
    expect(v1.content.en).toContain("Personal Information Protection Law");
    expect(v2.content["zh-CN"]).toContain("跨境");
    expect(v2.summary.en).toContain("Singapore");
  });

  it("adds the internal staff rules for customer service and operations: v1 acknowledged by all of them, v2 by the manager", async () => {
    const { orgId } = await createOrg();
    await Promise.all([createMember(orgId, "privacy_officer"), createMember(orgId, "admin")]);
    const [manager, employee, engineer] = [
      await createMember(orgId, "manager"),
      await createMember(orgId, "employee"),
      await createMember(orgId, "employee"),
    ];
    await withTenant(orgId, async (tx) => {
      const ids = new Map<string, string>();
      for (const name of ["客服", "运营", "技术"])
        ids.set(name, (await tx.insert(departments).values({ orgId, name }).returning())[0].id);
      for (const [userId, name] of [
        [manager, "客服"],
        [employee, "客服"],
        [engineer, "技术"],
      ] as const) {
        await tx
          .update(memberships)
          .set({ departmentId: ids.get(name) })
          .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
      }
      await seedPolicies(tx, orgId, "full", { type: "system", id: "seed" });
    });
    const found = await withTenant(orgId, async (tx) => {
      const staff = (await listDocuments(tx, orgId)).find((d) => d.slug === "staff-data-handling")!;
      return {
        staff,
        public: await publicDocument(tx, orgId, "staff-data-handling"),
        employee: await myAcknowledgements(tx, orgId, employee),
        engineer: await myAcknowledgements(tx, orgId, engineer),
        tracking: await acknowledgementTracking(
          tx,
          orgId,
          { userId: manager, role: "manager" },
          staff.id,
        ),
      };
    });
    expect(found.staff).toMatchObject({
      internal: true,
      acknowledgementRequired: true,
      title: { "zh-CN": "员工个人信息保护守则" },
    });
    expect(found.staff.audienceDepartmentIds).toHaveLength(2);
    expect(found.public).toBeUndefined();
    expect(found.employee.pending.map((t) => t.version)).toEqual([2]);
    expect(found.engineer.pending).toEqual([]);
    expect(found.tracking!.people.map((p) => [p.userId, p.acknowledgedAt !== null]).sort()).toEqual(
      [
        [manager, true],
        [employee, false],
      ].sort(),
    );
  });
});
