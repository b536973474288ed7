import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateDocumentSettingsAction } from "@/app/(console)/policies/[id]/actions";
import { acknowledgePolicyAction } from "@/app/(console)/tasks/policies/[id]/actions";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  departments,
  memberships,
  policyAcknowledgements,
  policyDocuments,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import {
  acknowledgementProgress,
  acknowledgementTask,
  acknowledgementTracking,
  myAcknowledgements,
} from "./acknowledgements";
import { approveVersion, draftVersion, publishVersion, saveDraft, submitVersion } from "./commands";
import { documentWithVersion, policyContext } from "./test-support";
import { redirectOf } from "@/tests/action-outcome";

afterAll(closeAppDb);

let orgId: string;
const dept = {} as Record<"support" | "operations" | "engineering", string>;
const people = {} as Record<
  | "officer"
  | "admin"
  | "manager"
  | "employee"
  | "opsEmployee"
  | "engineer"
  | "leaver"
  | "auditor"
  | "loneManager",
  string
>;
let documentId: string;
let v1: string;
let v2: string;

const place = (userId: string, departmentId: string | null) =>
  withTenant(orgId, (tx) =>
    tx
      .update(memberships)
      .set({ departmentId })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
  );

const settings = (values: {
  internal?: boolean;
  acknowledgementRequired?: boolean;
  audience?: string[];
}) =>
  form({
    documentId,
    internal: values.internal ? "true" : undefined,
    acknowledgementRequired: values.acknowledgementRequired ? "true" : undefined,
    audienceDepartmentIds: values.audience ?? [],
  });

const rows = (versionId: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(policyAcknowledgements)
      .where(
        and(
          eq(policyAcknowledgements.orgId, orgId),
          eq(policyAcknowledgements.versionId, versionId),
        ),
      ),
  );

const auditOf = (action: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, orgId),
          eq(auditEvents.action, action),
          eq(auditEvents.targetId, documentId),
        ),
      ),
  );

/** Takes a draft of the document through review to published. */
async function publishDraft(id: string): Promise<void> {
  await withTenant(orgId, async (tx) => {
    const author = policyContext(tx, orgId, people.officer);
    await saveDraft(author, {
      id,
      contentZh: "# 员工守则 v2",
      contentEn: "# Staff rules v2",
      summaryZh: "",
      summaryEn: "",
      changeSummary: "v2",
      materialChange: true,
      authoritativeLocale: "zh-CN",
      effectiveOn: "2026-11-01",
    });
    await submitVersion(author, id);
    await approveVersion(policyContext(tx, orgId, people.admin), id, false);
    await publishVersion(policyContext(tx, orgId, people.admin), id);
  });
}

beforeAll(async () => {
  ({ orgId } = await createOrg());
  await withTenant(orgId, async (tx) => {
    for (const [key, name] of [
      ["support", "客服"],
      ["operations", "运营"],
      ["engineering", "技术"],
    ] as const) {
      const [row] = await tx
        .insert(departments)
        .values({ orgId, name })
        .returning({ id: departments.id });
      dept[key] = row.id;
    }
  });
  const roles = {
    officer: "privacy_officer",
    admin: "admin",
    manager: "manager",
    employee: "employee",
    opsEmployee: "employee",
    engineer: "employee",
    leaver: "employee",
    auditor: "auditor",
    loneManager: "manager",
  } as const;
  for (const [key, role] of Object.entries(roles))
    people[key as keyof typeof people] = await createMember(orgId, role);
  await place(people.manager, dept.support);
  await place(people.employee, dept.support);
  await place(people.leaver, dept.support);
  await place(people.opsEmployee, dept.operations);
  await place(people.engineer, dept.engineering);
  await withTenant(orgId, (tx) =>
    tx
      .update(memberships)
      .set({ deactivatedAt: sql`now()` })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, people.leaver))),
  );
  ({ documentId, id: v1 } = await documentWithVersion(
    orgId,
    people.officer,
    people.admin,
    "published",
    "staff-rules",
  ));
});

describe("document settings", () => {
  it("the privacy officer makes the document internal, required and aimed at two departments — audited with what changed", async () => {
    await actAs(people.officer, orgId);
    const path = await redirectOf(
      updateDocumentSettingsAction(
        idle,
        settings({
          internal: true,
          acknowledgementRequired: true,
          audience: [dept.support, dept.operations],
        }),
      ),
    );
    expect(path).toBe(`/policies/${documentId}?notice=settingsSaved`);
    const [doc] = await withTenant(orgId, (tx) =>
      tx.select().from(policyDocuments).where(eq(policyDocuments.id, documentId)),
    );
    expect(doc).toMatchObject({ internal: true, acknowledgementRequired: true });
    expect([...doc.audienceDepartmentIds].sort()).toEqual([dept.support, dept.operations].sort());
    const [event] = await auditOf("policy.settings_changed");
    expect(event.actorId).toBe(people.officer);
    expect(event.details).toMatchObject({
      changed: ["internal", "acknowledgementRequired", "audienceDepartmentIds"],
      internal: true,
      acknowledgementRequired: true,
    });
  });

  it("refuses another organisation's department, and a save that changes nothing, writing nothing", async () => {
    const other = await createOrg();
    const foreign = await withTenant(
      other.orgId,
      async (tx) =>
        (await tx.insert(departments).values({ orgId: other.orgId, name: "客服" }).returning())[0]
          .id,
    );
    await actAs(people.officer, orgId);
    expect(
      await updateDocumentSettingsAction(
        idle,
        settings({
          internal: true,
          acknowledgementRequired: true,
          audience: [dept.support, foreign],
        }),
      ),
    ).toMatchObject({ status: "error", fieldErrors: { audienceDepartmentIds: "errors.choice" } });
    expect(
      await updateDocumentSettingsAction(
        idle,
        settings({
          internal: true,
          acknowledgementRequired: true,
          audience: [dept.operations, dept.support],
        }),
      ),
    ).toMatchObject({ status: "error", fieldErrors: { _form: "errors.unchanged" } });
    expect(await auditOf("policy.settings_changed")).toHaveLength(1);
  });

  it("is refused to an employee", async () => {
    await actAs(people.employee, orgId);
    expect(await updateDocumentSettingsAction(idle, settings({}))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
  });
});

describe("my acknowledgements", () => {
  it("lists the document for people in the audience only", async () => {
    const mine = (userId: string) =>
      withTenant(orgId, (tx) => myAcknowledgements(tx, orgId, userId));
    expect((await mine(people.employee)).pending.map((t) => [t.documentId, t.version])).toEqual([
      [documentId, 1],
    ]);
    expect((await mine(people.opsEmployee)).pending).toHaveLength(1);
    expect((await mine(people.engineer)).pending).toHaveLength(0);
    expect((await mine(people.officer)).pending).toHaveLength(0);
    expect((await mine(people.leaver)).pending).toHaveLength(0);
    expect(
      await withTenant(orgId, (tx) => acknowledgementTask(tx, orgId, people.engineer, documentId)),
    ).toBeUndefined();
  });

  it("acknowledging records one row for the signed-in person and one audit event; a repeat writes nothing", async () => {
    await actAs(people.employee, orgId);
    expect(await redirectOf(acknowledgePolicyAction(idle, form({ versionId: v1 })))).toBe(
      "/tasks?notice=acknowledged",
    );
    expect(await acknowledgePolicyAction(idle, form({ versionId: v1 }))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect((await rows(v1)).map((r) => r.userId)).toEqual([people.employee]);
    const events = await auditOf("policy.acknowledged");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "user",
      actorId: people.employee,
      targetType: "policy",
    });
    expect(events[0].details).toEqual({ documentId, versionId: v1, version: 1 });
    const { pending, done } = await withTenant(orgId, (tx) =>
      myAcknowledgements(tx, orgId, people.employee),
    );
    expect(pending).toHaveLength(0);
    expect(done.map((t) => t.versionId)).toEqual([v1]);
  });

  it("refuses someone outside the audience and a version that is not published", async () => {
    await actAs(people.engineer, orgId);
    expect(await acknowledgePolicyAction(idle, form({ versionId: v1 }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    v2 = await withTenant(orgId, (tx) =>
      draftVersion(policyContext(tx, orgId, people.officer), documentId),
    );
    await actAs(people.employee, orgId);
    expect(await acknowledgePolicyAction(idle, form({ versionId: v2 }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await rows(v2)).toEqual([]);
  });
});

describe("tracking", () => {
  const track = (userId: string, role: Parameters<typeof acknowledgementTracking>[2]["role"]) =>
    withTenant(orgId, (tx) => acknowledgementTracking(tx, orgId, { userId, role }, documentId));
  const summary = (found: Awaited<ReturnType<typeof track>>) =>
    found!.people.map((p) => [p.userId, p.acknowledgedAt !== null]);

  it("a manager sees their own department; the privacy officer and auditor everyone in the audience; nobody sees the deactivated", async () => {
    const managerView = await track(people.manager, "manager");
    expect(managerView!.scope).toBe("department");
    expect(new Set(summary(managerView).map(String))).toEqual(
      new Set(
        [
          [people.manager, false],
          [people.employee, true],
        ].map(String),
      ),
    );
    for (const [userId, role] of [
      [people.officer, "privacy_officer"],
      [people.auditor, "auditor"],
    ] as const) {
      const all = await track(userId, role);
      expect(all!.scope).toBe("organisation");
      expect(new Set(summary(all).map(String))).toEqual(
        new Set(
          [
            [people.manager, false],
            [people.employee, true],
            [people.opsEmployee, false],
          ].map(String),
        ),
      );
    }
    expect((await track(people.loneManager, "manager"))!.people).toEqual([]);
    await expect(track(people.employee, "employee")).rejects.toMatchObject({ code: "forbidden" });
    const progress = await withTenant(orgId, (tx) =>
      acknowledgementProgress(tx, orgId, { userId: people.manager, role: "manager" }),
    );
    expect(progress.map((p) => [p.documentId, p.acknowledged, p.total])).toEqual([
      [documentId, 1, 2],
    ]);
  });

  it("a new publication asks again: the acknowledgement of v1 no longer counts", async () => {
    await publishDraft(v2);
    const { pending, done } = await withTenant(orgId, (tx) =>
      myAcknowledgements(tx, orgId, people.employee),
    );
    expect(pending.map((t) => [t.versionId, t.version])).toEqual([[v2, 2]]);
    expect(done).toEqual([]);
    expect(
      summary(await track(people.manager, "manager")).every(([, acknowledged]) => !acknowledged),
    ).toBe(true);
    await actAs(people.employee, orgId);
    expect(await acknowledgePolicyAction(idle, form({ versionId: v1 }))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect(await redirectOf(acknowledgePolicyAction(idle, form({ versionId: v2 })))).toBe(
      "/tasks?notice=acknowledged",
    );
    expect((await rows(v2)).map((r) => r.userId)).toEqual([people.employee]);
  });

  it("an empty audience means every active member", async () => {
    await actAs(people.officer, orgId);
    await redirectOf(
      updateDocumentSettingsAction(
        idle,
        settings({ internal: true, acknowledgementRequired: true, audience: [] }),
      ),
    );
    const all = await track(people.officer, "privacy_officer");
    expect(all!.people.map((p) => p.userId).sort()).toEqual(
      Object.entries(people)
        .filter(([key]) => key !== "leaver")
        .map(([, id]) => id)
        .concat(await ownerOf())
        .sort(),
    );
    expect(
      (await withTenant(orgId, (tx) => myAcknowledgements(tx, orgId, people.engineer))).pending,
    ).toHaveLength(1);
  });
});

async function ownerOf(): Promise<string> {
  const [row] = await withTenant(orgId, (tx) =>
    tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner"))),
  );
  return row.userId;
}
