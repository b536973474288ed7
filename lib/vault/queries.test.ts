import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { upsert } from "@/lib/customers/test-support";
import { addPaymentAccount, addTrades } from "@/lib/customers/vault-test-support";
import {
  customerListings,
  customerOrders,
  customerPaymentAccounts,
  customerVouchers,
} from "@/lib/vault/queries";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

describe("the customer page's vault data", () => {
  it("lists vouchers owned, orders both ways with the other party's masked phone only, listings and accounts", async () => {
    const { orgId } = await createOrg();
    const [zhang, li] = await upsert(orgId, [
      { externalRef: "u-1", displayName: "张伟", phone: "13800138000" },
      { externalRef: "u-2", displayName: "李娜", phone: "13912345678" },
    ]);
    await addTrades(orgId, zhang.id, li.id);
    await addPaymentAccount(orgId, zhang.id, "bank_card", "6222 0202 0011 2233 445");
    const read = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => Promise<T>) =>
      withTenant(orgId, fn);

    const vouchers = await read((tx) => customerVouchers(tx, orgId, zhang.id));
    expect(vouchers.map((v) => [v.title, v.merchant, v.faceValueCents, v.pricePaidCents])).toEqual([
      ["代金券 100 元", "海底捞（国贸店）", 10_000, 8_500],
      ["双人套餐", "海底捞（国贸店）", 29_800, 19_900],
    ]);

    const orders = await read((tx) => customerOrders(tx, orgId, zhang.id));
    expect(orders.map((o) => [o.role, o.title, o.priceCents, o.counterpartPhone]).sort()).toEqual([
      ["buyer", "代金券 100 元", 8_000, "139****5678"],
      ["seller", "四人套餐", 30_000, "139****5678"],
    ]);
    const liOrders = await read((tx) => customerOrders(tx, orgId, li.id));
    expect(liOrders.map((o) => [o.role, o.counterpartPhone]).sort()).toEqual([
      ["buyer", "138****8000"],
      ["seller", "138****8000"],
    ]);
    expect(JSON.stringify([orders, liOrders])).not.toMatch(/13800138000|13912345678|张伟|李娜/);

    expect(
      (await read((tx) => customerListings(tx, orgId, zhang.id))).map((l) => [
        l.title,
        l.askingPriceCents,
        l.status,
      ]),
    ).toEqual([["四人套餐", 30_000, "sold"]]);
    expect(await read((tx) => customerListings(tx, orgId, li.id))).toEqual([]);
    const accounts = await read((tx) => customerPaymentAccounts(tx, orgId, zhang.id));
    expect(accounts.map((a) => [a.type, a.identifierMasked])).toEqual([
      ["bank_card", "银行卡 **** 3445"],
    ]);
    expect(Object.keys(accounts[0])).not.toContain("identifierEnc");
  });
});
