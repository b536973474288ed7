import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { listDocuments, listVersions } from "@/lib/policies/queries";
import { createMember, createOrg } from "@/tests/factories";
import { seedPolicies } from "./policies";

afterAll(closeAppDb);

describe("demo policies", () => {
  it("publishes the privacy policy v1 in both languages, keeps v2 as a material-change draft, and adds the companion documents", async () => {
    const { orgId } = await createOrg();
    const [officer, admin] = [await createMember(orgId, "privacy_officer"), await createMember(orgId, "admin")];
    await withTenant(orgId, (tx) => seedPolicies(tx, orgId, "full", { type: "system", id: "seed" }));
    const { docs, versions } = await withTenant(orgId, async (tx) => {
      const docs = await listDocuments(tx, orgId);
      return { docs, versions: await listVersions(tx, orgId, docs.find((d) => d.slug === "privacy")!.id) };
    });
    expect(docs.map((d) => [d.kind, d.published?.version])).toEqual([
      ["privacy_policy", 1], ["children", 1], ["sdk_list", 1], ["cookie", 1],
    ]);
    expect(versions.map((v) => [v.version, v.status, v.materialChange])).toEqual([[2, "draft", true], [1, "published", false]]);
    const [v2, v1] = versions;
    expect(v1).toMatchObject({ authorId: officer, approvedBy: admin });
    expect(v1.content["zh-CN"]).toContain("个人信息保护法");
    expect(v1.content.en).toContain("Personal Information Protection Law");
    expect(v2.content["zh-CN"]).toContain("跨境");
    expect(v2.summary.en).toContain("Singapore");
  });
});
