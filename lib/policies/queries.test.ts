import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { organizations, policyDocuments } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { and, eq } from "drizzle-orm";
import { createMember, createOrg } from "@/tests/factories";
import { draftVersion } from "./commands";
import { organizationBySlug } from "@/lib/organizations/queries";
import { publicDocument } from "./queries";
import { documentWithVersion, policyContext } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let authorId: string;
let approverId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [authorId, approverId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "admin"),
  ]);
});

const visible = (slug: string, org = orgId) =>
  withTenant(org, (tx) => publicDocument(tx, org, slug));

describe("what the public pages can see", () => {
  it.each(["draft", "in_review", "approved"] as const)(
    "nothing of a document whose only version is %s",
    async (state) => {
      await documentWithVersion(
        orgId,
        authorId,
        approverId,
        state,
        `only-${state.replace("_", "-")}`,
      );
      expect(await visible(`only-${state.replace("_", "-")}`)).toBeUndefined();
    },
  );

  it("the published version and not the draft that follows it", async () => {
    const { documentId } = await documentWithVersion(
      orgId,
      authorId,
      approverId,
      "published",
      "pub-then-draft",
    );
    await withTenant(orgId, (tx) => draftVersion(policyContext(tx, orgId, authorId), documentId));
    const found = await visible("pub-then-draft");
    expect(found?.versions.map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
  });

  it("nothing of an internal document (staff rules), though it is published", async () => {
    const { documentId } = await documentWithVersion(
      orgId,
      authorId,
      approverId,
      "published",
      "staff-rules",
    );
    expect((await visible("staff-rules"))?.versions).toHaveLength(1);
    await withTenant(orgId, (tx) =>
      tx
        .update(policyDocuments)
        .set({ internal: true })
        .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.id, documentId))),
    );
    expect(await visible("staff-rules")).toBeUndefined();
  });

  it("finds organisations by slug, and another organisation's document not at all", async () => {
    const [org] = await withoutTenant((tx) =>
      tx
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(eq(organizations.id, orgId)),
    );
    expect((await organizationBySlug(org.slug))?.id).toBe(orgId);
    expect(await organizationBySlug("no-such-org")).toBeUndefined();
    const other = await createOrg();
    expect(await visible("pub-then-draft", other.orgId)).toBeUndefined();
  });
});
