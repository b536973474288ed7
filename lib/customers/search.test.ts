import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import type { Actor } from "@/lib/core/auth/actor";
import { permissionMap } from "@/lib/core/authz/permissions";
import { eraseCustomer } from "@/lib/customers/commands";
import { lookupsFor, searchCustomersAs, type SearchState } from "@/lib/customers/search";
import { eventsFor, system, upsert } from "@/lib/customers/test-support";
import { actAs, createMember, createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const zhang = { externalRef: "u-10001", displayName: "张伟", phone: "+8613800138000", email: "zhang.wei@example.com", nationalId: "11010519491231002X" };
const li = { externalRef: "u-10002", displayName: "李娜", phone: "+8613912345678" };

let orgId: string;
let employee: Actor;
let zhangId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  employee = await actAs(await createMember(orgId, "employee"), orgId);
  [{ id: zhangId }] = await upsert(orgId, [zhang, li]);
});

const search = (by: string, value: string, actor: Actor | null = employee) => searchCustomersAs(actor, { by, value });
const found = (state: SearchState) => (state.status === "ok" ? state.rows.map((r) => r.externalRef) : state);

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
    expect(state.status === "ok" && state.rows[0]).toMatchObject({ id: zhangId, phoneMasked: "138****8000", nameMasked: "张*" });
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
    expect(lookupsFor("auto", "13800138000")).toEqual([{ externalRef: "13800138000" }, { phone: "13800138000" }]);
    expect(lookupsFor("auto", "a@b.cn")).toEqual([{ externalRef: "a@b.cn" }, { email: "a@b.cn" }]);
    expect(lookupsFor("phone", "x")).toEqual([{ phone: "x" }]);
  });

  it("does not find an erased customer by any identifier it had", async () => {
    const { orgId: other } = await createOrg();
    const reader = await actAs(await createMember(other, "employee"), other);
    const [gone] = await upsert(other, [zhang]);
    await withTenant(other, (tx) => eraseCustomer(tx, other, gone.id, (entry) => recordAudit(tx, other, system, entry)));
    for (const [by, value] of [["phone", zhang.phone], ["email", zhang.email], ["nationalId", zhang.nationalId], ["externalRef", zhang.externalRef], ["auto", zhang.phone]]) {
      expect(found(await search(by, value, reader)), by).toEqual([]);
    }
  });

  it("needs a value, a session and customers.read, and writes no audit event", async () => {
    expect(await search("phone", "  ")).toMatchObject({ status: "error", message: "errors.checkFields", fieldErrors: { value: "errors.required" } });
    expect(await search("phone", zhang.phone, null)).toEqual({ status: "error", message: "errors.unauthenticated" });
    expect(await search("phone", zhang.phone, { ...employee, pending: "mfa_enrolment" })).toEqual({ status: "error", message: "errors.forbidden" });
    // Every role reads customers today; take the permission away to prove the check is there.
    const roles = permissionMap as Record<string, readonly string[]>;
    const granted = roles.employee;
    roles.employee = granted.filter((p) => p !== "customers.read");
    try {
      expect(await search("phone", zhang.phone)).toEqual({ status: "error", message: "errors.forbidden" });
    } finally {
      roles.employee = granted;
    }
    expect((await eventsFor(orgId, zhangId)).map((e) => e.action)).toEqual(["customer.created"]);
  });
});
