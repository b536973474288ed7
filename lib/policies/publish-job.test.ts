import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant } from "@/lib/core/tenancy/context";
import { withTenant } from "@/db/tenant";
import { createMember, createOrg } from "@/tests/factories";
import { approveVersion, draftVersion, saveDraft, submitVersion } from "./commands";
import { publishDueVersions } from "./publish-job";
import { documentWithVersion, policyAudit, policyContext, versionsOf } from "./test-support";

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

describe("scheduled publication", () => {
  it("publishes an approved version on its effective date, superseding the current one, once", async () => {
    const { documentId } = await documentWithVersion(
      orgId,
      authorId,
      approverId,
      "published",
      "scheduled-doc",
    );
    // v2, approved for 2030-06-01 with publish-on-effective.
    const v2 = await withTenant(orgId, async (tx) => {
      const author = policyContext(tx, orgId, authorId);
      const id = await draftVersion(author, documentId);
      await saveDraft(author, {
        id,
        contentZh: "v2",
        contentEn: "v2",
        summaryZh: "",
        summaryEn: "",
        changeSummary: "",
        materialChange: true,
        authoritativeLocale: "zh-CN",
        effectiveOn: "2030-06-01",
      });
      await submitVersion(author, id);
      await approveVersion(policyContext(tx, orgId, approverId), id, true, "2030-05-01");
      return id;
    });

    expect(
      await inTenant(orgId, jobActor("policy-publication"), (ctx) =>
        publishDueVersions(ctx, "2030-05-31"),
      ),
    ).toBe(0);
    expect((await versionsOf(orgId, documentId)).map((v) => v.status)).toEqual([
      "published",
      "approved",
    ]);

    expect(
      await inTenant(orgId, jobActor("policy-publication"), (ctx) =>
        publishDueVersions(ctx, "2030-06-01"),
      ),
    ).toBe(1);
    const versions = await versionsOf(orgId, documentId);
    expect(versions.map((v) => v.status)).toEqual(["superseded", "published"]);
    expect(versions[1].id).toBe(v2);
    const events = await policyAudit(orgId, documentId);
    expect(events.slice(-2).map((e) => [e.action, e.actorType, e.actorId])).toEqual([
      ["policy.version_superseded", "system", "policy-publication-job"],
      ["policy.version_published", "system", "policy-publication-job"],
    ]);

    // A second run the same day (a retried delivery) changes nothing and writes nothing.
    expect(
      await inTenant(orgId, jobActor("policy-publication"), (ctx) =>
        publishDueVersions(ctx, "2030-06-01"),
      ),
    ).toBe(0);
    expect(await policyAudit(orgId, documentId)).toHaveLength(events.length);
  });

  it("leaves approved versions without publish-on-effective to a person", async () => {
    const { documentId } = await documentWithVersion(
      orgId,
      authorId,
      approverId,
      "approved",
      "manual-doc",
      "2020-01-01",
    );
    expect(
      await inTenant(orgId, jobActor("policy-publication"), (ctx) =>
        publishDueVersions(ctx, "2030-01-01"),
      ),
    ).toBe(0);
    expect((await versionsOf(orgId, documentId))[0].status).toBe("approved");
  });
});
