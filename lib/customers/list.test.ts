import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "@/lib/customers/commands";
import type { CustomerListQuery } from "@/lib/customers/list-query";
import { customerRegions, getCustomerProfile, listCustomers } from "@/lib/customers/queries";
import { system, upsert } from "@/lib/customers/test-support";
import { addPaymentAccount } from "@/lib/customers/vault-test-support";
import { encodeCursor } from "@/lib/core/pagination/cursor";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const list = (orgId: string, query: CustomerListQuery, limit = 50) =>
  withTenant(orgId, (tx) => listCustomers(tx, orgId, { ...query, limit }));
const refsOf = async (orgId: string, query: CustomerListQuery) =>
  (await list(orgId, query)).rows.map((r) => r.externalRef).sort();

/** Every page of a filtered list, following the cursor, as external refs in list order. */
async function allPages(orgId: string, query: CustomerListQuery, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list(orgId, { ...query, cursor }, limit);
    pages.push(page.rows.map((r) => r.externalRef));
    cursor = page.next;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("customer list", async () => {
  const { orgId } = await createOrg();
  // Created one per transaction, so created_at orders them; gd-1 … gd-5 share region CN-GD.
  const created: Record<string, string> = {};
  const add = async (input: Parameters<typeof upsert>[1][number]) => {
    created[input.externalRef] = (await upsert(orgId, [input]))[0].id;
  };
  for (let i = 1; i <= 5; i += 1)
    await add({ externalRef: `gd-${i}`, region: "CN-GD", laws: ["PIPL"] });
  await add({ externalRef: "de-1", region: "DE", laws: ["GDPR"], email: "anna@example.de" });
  await add({ externalRef: "us-1", region: "US-CA", laws: ["CCPA", "GDPR"], status: "closed" });
  await add({
    externalRef: "id-1",
    region: "CN-BJ",
    laws: ["PIPL"],
    nationalId: "11010519491231002X",
  });
  await add({ externalRef: "pay-1", region: "CN-BJ", laws: ["PIPL"] });
  await addPaymentAccount(orgId, created["pay-1"], "alipay", "13800138000");
  await add({
    externalRef: "gone-1",
    region: "CN-SH",
    laws: ["PIPL"],
    nationalId: "110105199001011232",
  });
  await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, created["gone-1"]));

  it("filters by region, law, status and sensitive data, alone and combined", async () => {
    expect(await refsOf(orgId, { region: "CN-GD" })).toEqual([
      "gd-1",
      "gd-2",
      "gd-3",
      "gd-4",
      "gd-5",
    ]);
    expect(await refsOf(orgId, { law: "GDPR" })).toEqual(["de-1", "us-1"]);
    expect(await refsOf(orgId, { status: "closed" })).toEqual(["us-1"]);
    expect(await refsOf(orgId, { status: "erased" })).toEqual([`erased:${created["gone-1"]}`]);
    expect(await refsOf(orgId, { sensitive: "yes" })).toEqual(["id-1", "pay-1"]);
    expect(await refsOf(orgId, { sensitive: "no" })).toHaveLength(8);
    expect(await refsOf(orgId, { region: "CN-BJ", sensitive: "yes", law: "PIPL" })).toEqual([
      "id-1",
      "pay-1",
    ]);
    expect(await refsOf(orgId, { region: "CN-BJ", law: "GDPR" })).toEqual([]);
    expect(await refsOf(orgId, {})).toHaveLength(10);
  });

  it("pages a filtered list newest first with keyset cursors: no gaps, no repeats", async () => {
    expect(await allPages(orgId, { region: "CN-GD" }, 2)).toEqual([
      ["gd-5", "gd-4"],
      ["gd-3", "gd-2"],
      ["gd-1"],
    ]);
    const everyone = (await allPages(orgId, {}, 3)).flat();
    expect(everyone).toHaveLength(10);
    expect(new Set(everyone).size).toBe(10);
    expect(everyone.slice(0, 2)).toEqual([`erased:${created["gone-1"]}`, "pay-1"]);
  });

  it("starts again at the first page for a cursor that is malformed or not a timestamp", async () => {
    const first = (await list(orgId, { region: "CN-GD" }, 2)).rows.map((r) => r.externalRef);
    for (const cursor of [
      "garbage",
      encodeCursor({ v: "not a time'--", id: created["gd-1"] }),
      encodeCursor({ v: 12, id: created["gd-1"] }),
    ]) {
      expect(
        (await list(orgId, { region: "CN-GD", cursor }, 2)).rows.map((r) => r.externalRef),
      ).toEqual(first);
    }
  });

  it("offers the regions in use, and another organisation sees none of them", async () => {
    expect(await withTenant(orgId, (tx) => customerRegions(tx, orgId))).toEqual([
      "CN-BJ",
      "CN-GD",
      "DE",
      "US-CA",
    ]);
    const other = await createOrg();
    expect(await withTenant(other.orgId, (tx) => customerRegions(tx, other.orgId))).toEqual([]);
    expect(
      (await withTenant(other.orgId, (tx) => listCustomers(tx, other.orgId, { limit: 10 }))).rows,
    ).toEqual([]);
  });

  it("reads a profile as masks only, and an erased one with nothing personal", async () => {
    const [zhang] = await upsert(orgId, [
      {
        externalRef: "p-1",
        displayName: "张伟",
        phone: "13800138000",
        address: "北京市朝阳区建国路88号",
        birthDate: "1949-12-31",
      },
    ]);
    const profile = await withTenant(orgId, (tx) => getCustomerProfile(tx, orgId, zhang.id));
    expect(profile).toMatchObject({
      nameMasked: "张*",
      phoneMasked: "138****8000",
      addressMasked: "北京市****",
      birthDateMasked: "1949-**-**",
      emailMasked: null,
    });
    expect(JSON.stringify(profile)).not.toMatch(/张伟|13800138000|建国路|12-31/);
    const gone = await withTenant(orgId, (tx) => getCustomerProfile(tx, orgId, created["gone-1"]));
    expect(gone).toMatchObject({
      status: "erased",
      nameMasked: null,
      nationalIdMasked: null,
      region: null,
    });
  });
});
