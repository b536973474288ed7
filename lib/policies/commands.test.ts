import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftPolicyVersionAction } from "@/app/(console)/policies/[id]/actions";
import {
  approveVersionAction,
  publishVersionAction,
  rejectVersionAction,
  saveDraftAction,
  submitVersionAction,
} from "@/app/(console)/policies/[id]/versions/[versionId]/actions";
import { createPolicyDocumentAction } from "@/app/(console)/policies/new/actions";
import { closeAppDb } from "@/db/client";
import { idle } from "@/lib/core/actions/state";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { documentWithVersion, policyAudit, versionForm, versionsOf } from "./test-support";
import { redirectOf } from "@/tests/action-outcome";
import { todayIso } from "@/lib/core/dates";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let adminId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, adminId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "admin"),
  ]);
});

describe("policy workflow through the actions", () => {
  it("drafts, submits, refuses the author's own approval, approves as another person and publishes — every step audited", async () => {
    await actAs(officerId, orgId);
    const docPath = await redirectOf(
      createPolicyDocumentAction(
        idle,
        form({ kind: "cookie", slug: "cookies", titleZh: "Cookie 政策", titleEn: "Cookie policy" }),
      ),
    );
    const documentId = /\/policies\/([^?]+)/.exec(docPath)![1];
    const versionPath = await redirectOf(draftPolicyVersionAction(idle, form({ documentId })));
    const versionId = versionPath.split("/").pop()!;

    expect(
      await redirectOf(saveDraftAction(idle, versionForm(versionId, { materialChange: "true" }))),
    ).toContain("notice=saved");
    expect(await redirectOf(submitVersionAction(idle, form({ id: versionId })))).toContain(
      "notice=submitted",
    );

    const refused = await approveVersionAction(idle, form({ id: versionId }));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { fourEyes: expect.any(String) },
    });
    expect((await versionsOf(orgId, documentId))[0].status).toBe("in_review");

    await actAs(adminId, orgId);
    expect(await redirectOf(approveVersionAction(idle, form({ id: versionId })))).toContain(
      "notice=approved",
    );
    expect(await redirectOf(publishVersionAction(idle, form({ id: versionId })))).toContain(
      "notice=published",
    );

    const [v1] = await versionsOf(orgId, documentId);
    expect(v1).toMatchObject({
      version: 1,
      status: "published",
      materialChange: true,
      authorId: officerId,
      approvedBy: adminId,
    });
    expect(v1.content["zh-CN"]).toContain("隐私政策");
    const actions = (await policyAudit(orgId, documentId)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["policy.created", officerId],
      ["policy.version_drafted", officerId],
      ["policy.version_updated", officerId],
      ["policy.version_submitted", officerId],
      ["policy.version_approved", adminId],
      ["policy.version_published", adminId],
    ]);
  });

  it("publishing v2 supersedes v1, and only one version is ever published", async () => {
    const { documentId } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "published",
      "privacy-supersede",
    );
    await actAs(officerId, orgId);
    const v2 = (await redirectOf(draftPolicyVersionAction(idle, form({ documentId }))))
      .split("/")
      .pop()!;
    // The new draft starts from v1's text.
    expect((await versionsOf(orgId, documentId))[1].content["zh-CN"]).toBe("# 隐私政策 v1");
    await redirectOf(submitVersionAction(idle, form({ id: v2 })));
    await actAs(adminId, orgId);
    await redirectOf(approveVersionAction(idle, form({ id: v2 })));
    await redirectOf(publishVersionAction(idle, form({ id: v2 })));

    const versions = await versionsOf(orgId, documentId);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    expect(versions[0].supersededAt).not.toBeNull();
    const actions = (await policyAudit(orgId, documentId)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["policy.version_superseded", "policy.version_published"]);
  });

  it("rejecting sends the version back to draft with the note; a second open version is refused", async () => {
    const { documentId, id } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "in_review",
      "privacy-reject",
    );
    await actAs(officerId, orgId);
    expect(await draftPolicyVersionAction(idle, form({ documentId }))).toMatchObject({
      status: "error",
    });
    await actAs(adminId, orgId);
    expect(await rejectVersionAction(idle, form({ id, note: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { note: expect.any(String) },
    });
    await redirectOf(rejectVersionAction(idle, form({ id, note: "第三节需要写明保存期限" })));
    const [v] = await versionsOf(orgId, documentId);
    expect(v).toMatchObject({
      status: "draft",
      rejectionNote: "第三节需要写明保存期限",
      submittedAt: null,
    });
  });

  it("refuses steps out of order and leaves the version as it was", async () => {
    const { documentId, id } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "draft",
      "privacy-order",
    );
    await actAs(adminId, orgId);
    expect(await approveVersionAction(idle, form({ id }))).toMatchObject({ status: "error" });
    expect(await publishVersionAction(idle, form({ id }))).toMatchObject({ status: "error" });
    expect((await versionsOf(orgId, documentId))[0].status).toBe("draft");
  });

  it("does not submit a version whose authoritative text is empty", async () => {
    const { documentId, id } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "draft",
      "privacy-empty",
    );
    await actAs(officerId, orgId);
    await redirectOf(
      saveDraftAction(idle, versionForm(id, { contentZh: "  ", authoritativeLocale: "zh-CN" })),
    );
    expect(await submitVersionAction(idle, form({ id }))).toMatchObject({
      status: "error",
      fieldErrors: { content: expect.any(String) },
    });
    expect((await versionsOf(orgId, documentId))[0].status).toBe("draft");
  });

  it("approving with a future effective date and publish-on-effective schedules it", async () => {
    const { documentId, id } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "in_review",
      "privacy-scheduled",
      "2999-01-01",
    );
    await actAs(adminId, orgId);
    expect(
      await redirectOf(approveVersionAction(idle, form({ id, publishOnEffective: "true" }))),
    ).toContain("notice=scheduled");
    expect((await versionsOf(orgId, documentId))[0]).toMatchObject({
      status: "approved",
      publishOnEffective: true,
    });
    expect((await policyAudit(orgId, documentId)).at(-1)?.action).toBe("policy.version_scheduled");
  });

  it("never publishes a version before its effective date without saying when: refused, scheduled, or made effective today", async () => {
    const { documentId, id } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "approved",
      "privacy-future",
      "2999-01-01",
    );
    await actAs(adminId, orgId);
    const auditBefore = (await policyAudit(orgId, documentId)).length;
    expect(await publishVersionAction(idle, form({ id }))).toMatchObject({
      status: "error",
      fieldErrors: { timing: expect.any(String) },
    });
    expect(await publishVersionAction(idle, form({ id, timing: "whenever" }))).toMatchObject({
      status: "error",
    });
    expect((await versionsOf(orgId, documentId))[0]).toMatchObject({
      status: "approved",
      effectiveOn: "2999-01-01",
      publishOnEffective: false,
    });
    expect(await policyAudit(orgId, documentId)).toHaveLength(auditBefore);

    expect(
      await redirectOf(publishVersionAction(idle, form({ id, timing: "on_effective_date" }))),
    ).toContain("notice=scheduled");
    expect((await versionsOf(orgId, documentId))[0]).toMatchObject({
      status: "approved",
      effectiveOn: "2999-01-01",
      publishOnEffective: true,
    });
    expect((await policyAudit(orgId, documentId)).at(-1)?.action).toBe("policy.version_scheduled");

    expect(
      await redirectOf(publishVersionAction(idle, form({ id, timing: "effective_today" }))),
    ).toContain("notice=published");
    expect((await versionsOf(orgId, documentId))[0]).toMatchObject({
      status: "published",
      effectiveOn: todayIso(),
      publishOnEffective: false,
    });
    const actions = (await policyAudit(orgId, documentId)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual([
      "policy.version_effective_date_changed",
      "policy.version_published",
    ]);
  });
});
