import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { create as createAnother } from "@/app/(console)/settings/organization/new/actions";
import { update } from "@/app/(console)/settings/organization/actions";
import { memberships } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { ORG_COOKIE } from "@/lib/core/auth/actor";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { organizationRow, snapshot } from "./helpers";
import { auditOf, lastAudit } from "@/tests/audit";

// The create action switches organisation by cookie after commit; record what it sets.
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    set: (name: string, value: string) => cookieJar.set(name, value),
    get: () => undefined,
  }),
  headers: async () => new Headers(),
}));

let orgId: string;
let ownerId: string;
let slug: string;

beforeEach(async () => {
  ({ orgId, ownerId } = await createOrg());
  slug = (await organizationRow(orgId)).slug;
  cookieJar.clear();
});

const profile = (overrides: Record<string, string | string[]> = {}) =>
  form({
    nameZh: "新名称",
    nameEn: "New Name",
    slug,
    jurisdictions: ["PIPL", "GDPR"],
    locale: "en",
    timeZone: "Asia/Shanghai",
    ...overrides,
  });
const errorsOf = (state: Awaited<ReturnType<typeof update>>) =>
  state.status === "error" ? state.fieldErrors : undefined;

describe("organisation settings", () => {
  it("updates this organisation only and records the changed field names", async () => {
    const other = await createOrg();
    const otherBefore = await organizationRow(other.orgId);
    const admin = await createMember(orgId, "admin");
    await actAs(admin, orgId);
    expect((await update(idle, profile({ jurisdictions: ["GDPR", "PIPL"] }))).status).toBe("ok");
    expect(await organizationRow(orgId)).toMatchObject({
      nameZh: "新名称",
      nameEn: "New Name",
      slug,
      jurisdictions: ["PIPL", "GDPR"],
      locale: "en",
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "organization.updated",
      targetId: orgId,
      details: { fields: ["nameZh", "nameEn", "locale", "jurisdictions"] },
    });
    expect(await organizationRow(other.orgId)).toEqual(otherBefore);
  });

  it("changes the zone times are shown in, audited by field name only", async () => {
    await actAs(ownerId, orgId);
    expect((await organizationRow(orgId)).timeZone).toBe("Asia/Shanghai");
    const admin = await createMember(orgId, "admin");
    await actAs(admin, orgId);
    await update(idle, profile());
    expect((await update(idle, profile({ timeZone: "Europe/Berlin" }))).status).toBe("ok");
    expect((await organizationRow(orgId)).timeZone).toBe("Europe/Berlin");
    const event = await lastAudit(orgId);
    expect(event).toMatchObject({
      action: "organization.updated",
      details: { fields: ["timeZone"] },
    });
    expect(JSON.stringify(event.details)).not.toContain("Berlin");
    // The signed-in person's pages now read the new zone.
    expect((await actAs(admin, orgId)).timeZone).toBe("Europe/Berlin");
  });

  it("refuses a zone that is not an IANA zone, writing nothing", async () => {
    await actAs(ownerId, orgId);
    const before = await snapshot(orgId, () => organizationRow(orgId));
    for (const timeZone of ["Mars/Olympus_Mons", "", "+08:00", "Asia/Shanghai; drop"])
      expect(errorsOf(await update(idle, profile({ timeZone })))).toEqual({
        timeZone: timeZone ? "errors.timeZone" : expect.stringMatching(/^errors\./),
      });
    expect(await snapshot(orgId, () => organizationRow(orgId))).toBe(before);
  });

  it("refuses an invalid slug, a taken slug and no jurisdiction, writing nothing", async () => {
    const other = await createOrg();
    const takenSlug = (await organizationRow(other.orgId)).slug;
    await actAs(ownerId, orgId);
    const before = await snapshot(orgId, () => organizationRow(orgId));
    expect(errorsOf(await update(idle, profile({ slug: "Bad_Slug!" })))).toEqual({
      slug: "errors.slugFormat",
    });
    expect(errorsOf(await update(idle, profile({ slug: "-edge-" })))).toEqual({
      slug: "errors.slugFormat",
    });
    expect(errorsOf(await update(idle, profile({ slug: "ab" })))).toEqual({
      slug: "errors.tooShort",
    });
    expect(errorsOf(await update(idle, profile({ slug: takenSlug })))).toEqual({
      slug: "errors.slugTaken",
    });
    expect(
      errorsOf(
        await update(
          idle,
          form({ nameZh: "名", nameEn: "N", slug, locale: "en", timeZone: "Asia/Shanghai" }),
        ),
      ),
    ).toEqual({ jurisdictions: "errors.jurisdictionRequired" });
    expect(await snapshot(orgId, () => organizationRow(orgId))).toBe(before);
  });

  it("is refused to roles without organization.update", async () => {
    const dpo = await createMember(orgId, "privacy_officer");
    await actAs(dpo, orgId);
    const before = await snapshot(orgId, () => organizationRow(orgId));
    expect(await update(idle, profile())).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect(await snapshot(orgId, () => organizationRow(orgId))).toBe(before);
  });
});

describe("creating another organisation", () => {
  it("creates it under RLS with the actor as owner, audits both chains and switches to it", async () => {
    await actAs(ownerId, orgId);
    const newSlug = `spin-off-${Date.now()}`;
    await expect(createAnother(idle, profile({ slug: newSlug }))).rejects.toMatchObject({
      digest: expect.stringContaining(";/;"),
    });

    const newOrgId = cookieJar.get(ORG_COOKIE)!;
    expect(newOrgId).toBeDefined();
    expect(await organizationRow(newOrgId)).toMatchObject({
      slug: newSlug,
      nameEn: "New Name",
      jurisdictions: ["PIPL", "GDPR"],
    });
    const owners = await withTenant(newOrgId, (tx) =>
      tx.select().from(memberships).where(eq(memberships.orgId, newOrgId)),
    );
    expect(owners).toMatchObject([{ userId: ownerId, role: "owner" }]);

    const newChain = await auditOf(newOrgId);
    expect(newChain).toMatchObject([
      { seq: 1, action: "organization.created", actorId: ownerId, targetId: newOrgId },
    ]);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "organization.created",
      actorId: ownerId,
      targetId: newOrgId,
    });

    // The person can now act in the new organisation.
    expect((await actAs(ownerId, newOrgId)).role).toBe("owner");
  });

  it("refuses a taken slug without creating anything", async () => {
    await actAs(ownerId, orgId);
    const before = await snapshot(orgId);
    expect(errorsOf(await createAnother(idle, profile({ slug })))).toEqual({
      slug: "errors.slugTaken",
    });
    expect(await snapshot(orgId)).toBe(before);
    expect(cookieJar.size).toBe(0);
  });

  it("is for owners only", async () => {
    const admin = await createMember(orgId, "admin");
    await actAs(admin, orgId);
    expect(await createAnother(idle, profile({ slug: "admins-own" }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect(cookieJar.size).toBe(0);
  });
});
