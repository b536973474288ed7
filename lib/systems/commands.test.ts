import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { remove as deleteDepartmentAction } from "@/app/(console)/departments/[id]/actions";
import { archiveSystemAction, restoreSystemAction } from "@/app/(console)/systems/[id]/actions";
import { updateSystemAction } from "@/app/(console)/systems/[id]/edit/actions";
import { createSystemAction } from "@/app/(console)/systems/new/actions";
import { closeAppDb } from "@/db/client";
import { departments, purposes, systems } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { insertVendor } from "@/lib/vendors/test-support";
import { fieldErrorsOf, outcomeOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, form, orgWithOfficer } from "@/tests/factories";
import { buildDataMap } from "./data-map";
import { dataMapInput } from "./queries";

afterAll(closeAppDb);

let orgId: string;
let ownerId: string;
let officerId: string;
let departmentId: string;
let vendorId: string;
let purposeId: string;

const systemForm = (overrides: Record<string, string | string[] | undefined> = {}) =>
  form({
    name: "订单数据库",
    kind: "database",
    hostingLocation: "阿里云 华东2（上海）",
    country: "CN",
    ownerDepartmentId: departmentId,
    vendorId,
    dataCategories: ["contact", "transactions"],
    purposeIds: [purposeId],
    securityMeasures: ["encryption_at_rest", "field_encryption"],
    ...overrides,
  });
const row = async (id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(systems)
        .where(and(eq(systems.orgId, orgId), eq(systems.id, id))),
    )
  )[0];
const create = async (overrides: Record<string, string | string[] | undefined> = {}) =>
  /^\/systems\/([0-9a-f-]{36})$/.exec(
    await redirectOf(createSystemAction(idle, systemForm(overrides))),
  )![1];

beforeAll(async () => {
  ({ orgId, ownerId, officerId } = await orgWithOfficer());
  [{ id: departmentId }] = await withTenant(orgId, (tx) =>
    tx.insert(departments).values({ orgId, name: "技术" }).returning({ id: departments.id }),
  );
  vendorId = await insertVendor(orgId, { name: "Amazon Web Services", country: "SG" });
  [{ id: purposeId }] = await withTenant(orgId, (tx) =>
    tx
      .insert(purposes)
      .values({
        orgId,
        code: "cross_border_storage",
        name: { "zh-CN": "境外存储", en: "Storage abroad" },
        description: { "zh-CN": "存储于新加坡。", en: "Stored in Singapore." },
        bases: { PIPL: "consent" },
        consentKind: "separate",
        separateGrounds: ["cross_border"],
        dataCategories: ["contact", "vouchers"],
        recipientVendorIds: [vendorId],
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
      })
      .returning({ id: purposes.id }),
  );
});
beforeEach(() => actAs(officerId, orgId));

describe("the systems inventory", () => {
  it("adds a system with its references and audits it without its description", async () => {
    const id = await create({ description: "主库" });
    expect(await row(id)).toMatchObject({
      name: "订单数据库",
      kind: "database",
      ownerDepartmentId: departmentId,
      vendorId,
      dataCategories: ["contact", "transactions"],
      purposeIds: [purposeId],
      securityMeasures: ["encryption_at_rest", "field_encryption"],
      archivedAt: null,
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "system.created",
      targetId: id,
      details: { kind: "database", country: "CN", categories: 2 },
    });
  });

  it.each([
    ["no name", { name: "" }, "name", "errors.required"],
    ["an unknown kind", { kind: "mainframe" }, "kind", "errors.choice"],
    ["an unknown country", { country: "XX" }, "country", "errors.choice"],
    [
      "no data category",
      { dataCategories: undefined },
      "dataCategories",
      "errors.chooseAtLeastOne",
    ],
    ["an unknown measure", { securityMeasures: ["magic"] }, "securityMeasures.0", "errors.choice"],
    [
      "a vendor of no record",
      { vendorId: "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b" },
      "vendorId",
      "errors.choice",
    ],
    [
      "a purpose of no record",
      { purposeIds: ["0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b"] },
      "purposeIds",
      "errors.choice",
    ],
    [
      "a department of another organisation",
      { ownerDepartmentId: "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b" },
      "ownerDepartmentId",
      "errors.choice",
    ],
  ])("refuses %s and writes nothing", async (_, overrides, field, message) => {
    const head = await lastAudit(orgId);
    const state = await createSystemAction(idle, systemForm({ name: `X ${field}`, ...overrides }));
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("refuses a second system of the same name", async () => {
    await create({ name: "客服工作台" });
    expect(
      fieldErrorsOf(await createSystemAction(idle, systemForm({ name: "客服工作台" })))?.name,
    ).toBe("errors.systemNameTaken");
  });

  it("saves an edit made on the current version only, auditing the changed fields", async () => {
    const id = await create({ name: "数据仓库" });
    const { updatedAt } = await row(id);
    const edit = (version: string, overrides = {}) =>
      outcomeOf(
        updateSystemAction(
          idle,
          systemForm({ id, version, name: "数据仓库", country: "SG", ...overrides }),
        ),
      );
    expect(await edit(updatedAt)).toEqual({ redirect: `/systems/${id}` });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "system.updated",
      targetId: id,
      details: { fields: ["country"] },
    });
    expect(await edit(updatedAt, { country: "CN" })).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect((await row(id)).country).toBe("SG");
  });

  it("archives and restores, once each", async () => {
    const id = await create({ name: "短信网关" });
    const archive = (archived: string) =>
      outcomeOf(
        (archived === "true" ? archiveSystemAction : restoreSystemAction)(idle, form({ id })),
      );
    expect(await archive("true")).toEqual({ redirect: `/systems/${id}` });
    expect((await row(id)).archivedAt).not.toBeNull();
    expect(await lastAudit(orgId)).toMatchObject({ action: "system.archived", targetId: id });
    expect(await archive("true")).toMatchObject({ status: "error", message: "errors.conflict" });
    expect(await archive("false")).toEqual({ redirect: `/systems/${id}` });
    expect((await row(id)).archivedAt).toBeNull();
  });

  it("is managed by officers only: an auditor reads, and is refused writing", async () => {
    await actAs(await createMember(orgId, "auditor"), orgId);
    expect(await createSystemAction(idle, systemForm({ name: "审计员的系统" }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
  });

  it("keeps a department that owns systems", async () => {
    const owner = await create({ name: "支付网关" });
    await actAs(ownerId, orgId);
    const state = await deleteDepartmentAction(idle, form({ id: departmentId }));
    expect(fieldErrorsOf(state)?._form).toBe("errors.departmentOwnsSystems");
    expect((await row(owner)).ownerDepartmentId).toBe(departmentId);
  });

  it("draws the map from the inventory: the system's purpose sends data abroad to its vendor", async () => {
    const id = await create({ name: "境外灾备", dataCategories: ["contact", "transactions"] });
    const map = await withTenant(orgId, async (tx) => buildDataMap(await dataMapInput(tx, orgId)));
    expect(map.edges.filter((e) => e.from === `system:${id}`)).toEqual([
      {
        from: `system:${id}`,
        to: "country:CN",
        kind: "location",
        categories: ["contact", "transactions"],
        purposes: [],
        crossBorder: false,
      },
      {
        from: `system:${id}`,
        to: `vendor:${vendorId}`,
        kind: "hosting",
        categories: ["contact", "transactions"],
        purposes: [],
        crossBorder: true,
      },
      {
        from: `system:${id}`,
        to: `vendor:${vendorId}`,
        kind: "sharing",
        categories: ["contact"],
        purposes: ["cross_border_storage"],
        crossBorder: true,
      },
    ]);
    expect(map.edges).toContainEqual(
      expect.objectContaining({ from: `vendor:${vendorId}`, to: "country:SG", crossBorder: true }),
    );
  });
});
