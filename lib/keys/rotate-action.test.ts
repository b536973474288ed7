import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { rotateOrgKeyAction } from "@/app/(console)/settings/keys/actions";
import { closeAppDb } from "@/db/client";
import { auditEvents, keyRotations, orgKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { enqueue } from "@/lib/core/jobs/worker";
import { seedProtectedValues } from "@/lib/keys/test-support";
import { actAs, createMember, createOrg, form } from "@/tests/factories";

vi.mock("@/lib/core/jobs/worker", () => ({ enqueue: vi.fn(async () => {}) }));
afterAll(closeAppDb);

const state = (orgId: string) =>
  withTenant(orgId, async (tx) => ({
    versions: await tx
      .select({ v: orgKeys.version, s: orgKeys.status })
      .from(orgKeys)
      .where(eq(orgKeys.orgId, orgId))
      .orderBy(orgKeys.version),
    rotations: await tx.select().from(keyRotations).where(eq(keyRotations.orgId, orgId)),
    events: await tx
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "key.rotation_started"))),
  }));

describe("rotate organisation key action", () => {
  it("is refused to an auditor and a privacy officer, who may only read keys", async () => {
    const { orgId } = await createOrg();
    await seedProtectedValues(orgId, 2);
    for (const role of ["auditor", "privacy_officer"] as const) {
      await actAs(await createMember(orgId, role), orgId);
      expect(await rotateOrgKeyAction({ status: "idle" }, form({}))).toMatchObject({
        status: "error",
        message: "errors.forbidden",
      });
    }
    expect(await state(orgId)).toMatchObject({
      versions: [{ v: 1, s: "primary" }],
      rotations: [],
      events: [],
    });
    expect(enqueue).not.toHaveBeenCalled();
  });

  it("starts a rotation as the owner, audits it as them, enqueues the job, and refuses a second while it runs", async () => {
    const { orgId, ownerId } = await createOrg();
    const { total } = await seedProtectedValues(orgId, 3);
    await actAs(ownerId, orgId);
    expect(await rotateOrgKeyAction({ status: "idle" }, form({}))).toEqual({
      status: "ok",
      message: "keys.rotation.started",
    });
    const after = await state(orgId);
    expect(after.versions).toEqual([
      { v: 1, s: "decrypt_only" },
      { v: 2, s: "primary" },
    ]);
    expect(after.rotations).toMatchObject([
      { toVersion: 2, total, status: "running", startedBy: ownerId },
    ]);
    expect(after.events).toEqual([{ action: "key.rotation_started", actorId: ownerId }]);
    expect(enqueue).toHaveBeenCalledWith("key-rotation", {
      orgId,
      rotationId: after.rotations[0].id,
    });

    expect(await rotateOrgKeyAction({ status: "idle" }, form({}))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect((await state(orgId)).versions).toHaveLength(2);
  });
});
