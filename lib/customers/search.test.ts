import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { closeAppDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import type { Actor } from "@/lib/core/auth/actor";
import { permissionMap } from "@/lib/core/authz/permissions";
import { eraseCustomer } from "@/lib/customers/commands";
import { lookupsFor, searchCustomersAs, type SearchState } from "@/lib/customers/search";
import { unusualLookups } from "@/lib/customers/unusual-lookups";
import { system, upsert } from "@/lib/customers/test-support";
import { actAs, createMember, createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const zhang = {
  externalRef: "u-10001",
  displayName: "张伟",
  phone: "+8613800138000",
  email: "zhang.wei@example.com",
  nationalId: "11010519491231002X",
};
const li = { externalRef: "u-10002", displayName: "李娜", phone: "+8613912345678" };

let orgId: string;
let employee: Actor;
let zhangId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  employee = await actAs(await createMember(orgId, "employee"), orgId);
  [{ id: zhangId }] = await upsert(orgId, [zhang, li]);
});

const search = (by: string, value: string, actor: Actor | null = employee) =>
  searchCustomersAs(actor, { by, value });
const lookups = (org: string) =>
  withTenant(org, (tx) =>
    tx
      .select({
        actorId: auditEvents.actorId,
        targetId: auditEvents.targetId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org), eq(auditEvents.action, "customer.looked_up")))
      .orderBy(asc(auditEvents.seq)),
  );
const found = (state: SearchState) =>
  state.status === "ok" ? state.rows.map((r) => r.externalRef) : state;

describe("customer search", () => {
  it.each([
    ["phone", "138 0013 8000"],
    ["phone", "+86 138-0013-8000"],
    ["email", "  Zhang.Wei@EXAMPLE.com "],
    ["nationalId", "110105 19491231 002x"],
    ["externalRef", "u-10001"],
    ["auto", "13800138000"],
    ["auto", "ZHANG.WEI@example.com"],
    ["auto", "11010519491231002x"],
    ["auto", "u-10001"],
  ])("finds the customer by %s %s, masked", async (by, value) => {
    const state = await search(by, value);
    expect(found(state)).toEqual(["u-10001"]);
    expect(state.status === "ok" && state.rows[0]).toMatchObject({
      id: zhangId,
      phoneMasked: "138****8000",
      nameMasked: "张*",
    });
    expect(JSON.stringify(state)).not.toMatch(/13800138000|zhang\.wei|张伟|11010519491231002X/);
  });

  it("finds nothing for a value of the wrong kind, an unknown value or a near miss", async () => {
    expect(found(await search("email", "13800138000"))).toEqual([]);
    expect(found(await search("phone", "13800138001"))).toEqual([]);
    expect(found(await search("externalRef", "u-1000"))).toEqual([]);
    expect(found(await search("auto", "nobody@example.com"))).toEqual([]);
  });

  it("reads as every kind the text could be in auto mode", () => {
    expect(lookupsFor("auto", "u-1")).toEqual([{ externalRef: "u-1" }]);
    expect(lookupsFor("auto", "13800138000")).toEqual([
      { externalRef: "13800138000" },
      { phone: "13800138000" },
    ]);
    expect(lookupsFor("auto", "a@b.cn")).toEqual([{ externalRef: "a@b.cn" }, { email: "a@b.cn" }]);
    expect(lookupsFor("phone", "x")).toEqual([{ phone: "x" }]);
  });

  it("does not find an erased customer by any identifier it had", async () => {
    const { orgId: other } = await createOrg();
    const reader = await actAs(await createMember(other, "employee"), other);
    const [gone] = await upsert(other, [zhang]);
    await inTenant(other, system, (ctx) => eraseCustomer(ctx, gone.id));
    for (const [by, value] of [
      ["phone", zhang.phone],
      ["email", zhang.email],
      ["nationalId", zhang.nationalId],
      ["externalRef", zhang.externalRef],
      ["auto", zhang.phone],
    ]) {
      expect(found(await search(by, value, reader)), by).toEqual([]);
    }
  });

  it("needs a value, a session and customers.read, and records nothing when refused", async () => {
    const before = await lookups(orgId);
    expect(await search("phone", "  ")).toMatchObject({
      status: "error",
      message: "errors.checkFields",
      fieldErrors: { value: "errors.required" },
    });
    expect(await search("phone", zhang.phone, null)).toEqual({
      status: "error",
      message: "errors.unauthenticated",
    });
    expect(await search("phone", zhang.phone, { ...employee, pending: "mfa_enrolment" })).toEqual({
      status: "error",
      message: "errors.forbidden",
    });
    // Every role reads customers today; take the permission away to prove the check is there.
    const roles = permissionMap as Record<string, readonly string[]>;
    const granted = roles.employee;
    roles.employee = granted.filter((p) => p !== "customers.read");
    try {
      expect(await search("phone", zhang.phone)).toEqual({
        status: "error",
        message: "errors.forbidden",
      });
    } finally {
      roles.employee = granted;
    }
    expect(await lookups(orgId)).toEqual(before);
  });
});

describe("customer lookups are audited and throttled", () => {
  it("records who looked up by which kind and how many matched, never the value", async () => {
    const { orgId: org } = await createOrg();
    const reader = await actAs(await createMember(org, "employee"), org);
    const [{ id }] = await upsert(org, [zhang, li]);
    await search("phone", "138 0013 8000", reader);
    await search("auto", "13800138000", reader);
    await search("email", "nobody@example.com", reader);
    const events = await lookups(org);
    expect(events).toEqual([
      {
        actorId: reader.userId,
        targetId: id,
        details: { by: "phone", kinds: ["phone"], matches: 1 },
      },
      {
        actorId: reader.userId,
        targetId: id,
        details: { by: "auto", kinds: ["externalRef", "phone"], matches: 1 },
      },
      {
        actorId: reader.userId,
        targetId: null,
        details: { by: "email", kinds: ["email"], matches: 0 },
      },
    ]);
    // The details alone: ids are random and may hold any digits.
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/138|nobody|example/);
  });

  it("refuses a person's 61st lookup in an hour with a localised error, and flags them on the overview", async () => {
    const { orgId: org } = await createOrg();
    const busy = await actAs(await createMember(org, "employee"), org);
    const other = await actAs(await createMember(org, "employee"), org);
    await upsert(org, [zhang]);
    for (let i = 0; i < 60; i++)
      expect(await search("phone", zhang.phone, busy), `lookup ${i + 1}`).toMatchObject({
        status: "ok",
      });
    expect(await search("phone", zhang.phone, busy)).toEqual({
      status: "error",
      message: "errors.lookupsThrottled",
    });
    // The limit is per person; the refused lookup recorded nothing.
    expect(await search("phone", zhang.phone, other)).toMatchObject({ status: "ok" });
    expect((await lookups(org)).length).toBe(61);

    const flagged = await withTenant(org, (tx) => unusualLookups(tx, org));
    expect(flagged).toEqual([{ userId: busy.userId, name: busy.name, count: 60 }]);
    // A day later the window has passed.
    expect(
      await withTenant(org, (tx) => unusualLookups(tx, org, new Date(Date.now() + 25 * 3600_000))),
    ).toEqual([]);
  });
});
