import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { customers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { DecryptionError, KeyDestroyedError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { eraseCustomer } from "@/lib/customers/commands";
import { fieldContext } from "@/lib/customers/fields";
import { findCustomersBy, listCustomers, revealField } from "@/lib/customers/queries";
import { eventsFor, storedRow, system, upsert } from "@/lib/customers/test-support";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const zhang = {
  externalRef: "u-1001",
  displayName: "张三",
  phone: "+8613812345678",
  email: "zhang.san@example.com",
  nationalId: "11010519491231002X",
};
const li = {
  externalRef: "u-1002",
  displayName: "李四",
  phone: "+8613900001111",
  email: "li.si@example.com",
};
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const find = (orgId: string, by: Parameters<typeof findCustomersBy>[2]) =>
  withTenant(orgId, (tx) => findCustomersBy(tx, orgId, by));
const reveal = (orgId: string, id: string, field: Parameters<typeof revealField>[3]) =>
  withTenant(orgId, (tx) => revealField(tx, orgId, id, field));
const erase = (orgId: string, id: string) =>
  inTenant(orgId, system, (ctx) => eraseCustomer(ctx, id));

describe("customers vault", () => {
  it("creates customers with an audit event naming fields only, and finds them however identifiers are written", async () => {
    const { orgId } = await createOrg();
    const [a, b] = await upsert(orgId, [zhang, li]);
    expect([a.created, b.created]).toEqual([true, true]);
    expect(await eventsFor(orgId, a.id)).toEqual([
      {
        action: "customer.created",
        details: { fields: ["displayName", "phone", "email", "nationalId"] },
      },
    ]);
    expect(JSON.stringify(await eventsFor(orgId, a.id))).not.toMatch(/张|138|zhang|1101/);

    for (const by of [
      { phone: "138-1234-5678" },
      { phone: "0086 138 1234 5678" },
      { email: " Zhang.San@EXAMPLE.com" },
      { nationalId: "110105 19491231 002x" },
      { externalRef: "u-1001" },
    ]) {
      expect(ids(await find(orgId, by)), JSON.stringify(by)).toEqual([a.id]);
    }
    expect(await find(orgId, { phone: "13812345679" })).toEqual([]);
    expect(await find(orgId, { phone: "not a phone" })).toEqual([]);
    // Another organisation's index key differs: the same phone finds nothing there.
    const other = await createOrg();
    expect(await find(other.orgId, { phone: "13812345678" })).toEqual([]);
  });

  it("lists masked forms only, newest first, with keyset pages", async () => {
    const { orgId } = await createOrg();
    const created = await upsert(orgId, [zhang, li, { externalRef: "u-1003" }]);
    const first = await withTenant(orgId, (tx) => listCustomers(tx, orgId, { limit: 2 }));
    const second = await withTenant(orgId, (tx) =>
      listCustomers(tx, orgId, { limit: 2, cursor: first.next }),
    );
    expect([...ids(first.rows), ...ids(second.rows)].sort()).toEqual(ids(created).sort());
    expect(second.next).toBeUndefined();
    const row = [...first.rows, ...second.rows].find((r) => r.id === created[0].id)!;
    expect(row).toMatchObject({
      nameMasked: "张*",
      phoneMasked: "138****5678",
      emailMasked: "z***@example.com",
      nationalIdMasked: "1101**********002X",
    });
    expect(Object.keys(row).some((k) => /Enc$|Bidx$/.test(k))).toBe(false);
  });

  it("reveals the plaintext of one field, and null for a field never given", async () => {
    const { orgId } = await createOrg();
    const [a] = await upsert(orgId, [zhang]);
    expect(await reveal(orgId, a.id, "displayName")).toBe("张三");
    expect(await reveal(orgId, a.id, "nationalId")).toBe("11010519491231002X");
    const [b] = await upsert(orgId, [{ externalRef: "bare" }]);
    expect(await reveal(orgId, b.id, "phone")).toBeNull();
  });

  it("re-encrypts and audits only the changed fields on update, and writes nothing when nothing changed", async () => {
    const { orgId } = await createOrg();
    const [a] = await upsert(orgId, [zhang]);
    const before = await storedRow(orgId, a.id);
    const [again] = await upsert(orgId, [
      { ...zhang, phone: "138 1234 5678", email: "zhang.new@example.com", laws: ["PIPL"] },
    ]);
    expect(again).toMatchObject({ id: a.id, created: false, fields: ["email", "laws"] });
    const after = await storedRow(orgId, a.id);
    expect(after.phoneEnc!.equals(before.phoneEnc!)).toBe(true);
    expect(after.emailEnc!.equals(before.emailEnc!)).toBe(false);
    expect(await reveal(orgId, a.id, "email")).toBe("zhang.new@example.com");
    expect(ids(await find(orgId, { email: "zhang.san@example.com" }))).toEqual([]);
    expect(
      (await upsert(orgId, [{ externalRef: zhang.externalRef, phone: "13812345678" }]))[0].fields,
    ).toEqual([]);
    expect((await eventsFor(orgId, a.id)).map((e) => [e.action, e.details])).toEqual([
      ["customer.created", { fields: ["displayName", "phone", "email", "nationalId"] }],
      ["customer.updated", { fields: ["email", "laws"] }],
    ]);
  });

  it("upserts a mixed batch: creates, updates of different fields, and unchanged rows", async () => {
    const { orgId } = await createOrg();
    const seed = Array.from({ length: 6 }, (_, i) => ({
      externalRef: `b-${i}`,
      displayName: `客户${i}`,
      phone: `+86137000000${10 + i}`,
      region: "CN-BJ",
      laws: ["PIPL" as const],
    }));
    const created = await upsert(orgId, seed);
    const before = await Promise.all(created.map((r) => storedRow(orgId, r.id)));
    const batch = [
      seed[0], // unchanged
      { ...seed[1], phone: "+8613700000099" }, // re-encrypted field
      {
        ...seed[2],
        region: "CN-SH",
        laws: ["PIPL" as const, "GDPR" as const],
        realNameVerified: true,
      }, // plain fields only
      { ...seed[3], email: "new.three@example.com", lastActiveAt: "2026-05-01T08:00:00Z" }, // field added
      { externalRef: "b-new-1", displayName: "新客户", phone: "+8613700000100" },
      { externalRef: "b-new-2" },
    ];
    const results = await upsert(orgId, batch);
    expect(results.map((r) => [r.externalRef, r.created, r.fields])).toEqual([
      ["b-0", false, []],
      ["b-1", false, ["phone"]],
      ["b-2", false, ["realNameVerified", "region", "laws"]],
      ["b-3", false, ["email", "lastActiveAt"]],
      ["b-new-1", true, ["displayName", "phone"]],
      ["b-new-2", true, []],
    ]);
    expect(results.slice(0, 4).map((r) => r.id)).toEqual(created.slice(0, 4).map((r) => r.id));
    const after = await Promise.all(created.map((r) => storedRow(orgId, r.id)));
    // Unchanged rows keep their ciphertext and their writing transaction; changed ones get a new one.
    expect(after[0].phoneEnc!.equals(before[0].phoneEnc!)).toBe(true);
    expect(after[0].changeTx).toBe(before[0].changeTx);
    expect(after[1].phoneEnc!.equals(before[1].phoneEnc!)).toBe(false);
    expect(after[1].changeTx).toBeGreaterThan(before[1].changeTx);
    expect(after[1].displayNameEnc!.equals(before[1].displayNameEnc!)).toBe(true);
    expect(after[1].phoneMasked).toBe("137****0099");
    expect(after[2]).toMatchObject({
      region: "CN-SH",
      laws: ["PIPL", "GDPR"],
      realNameVerified: true,
    });
    expect(after[2].phoneEnc!.equals(before[2].phoneEnc!)).toBe(true);
    expect(after[3].lastActiveAt).toEqual(new Date("2026-05-01T08:00:00Z"));
    expect(after[4]).toEqual(before[4]);
    expect(await reveal(orgId, after[1].id, "phone")).toBe("+8613700000099");
    expect(await reveal(orgId, after[3].id, "email")).toBe("new.three@example.com");
    expect(ids(await find(orgId, { phone: "13700000011" }))).toEqual([]);
    expect(ids(await find(orgId, { phone: "13700000099" }))).toEqual([after[1].id]);
    expect(await reveal(orgId, results[4].id, "displayName")).toBe("新客户");
  });

  it("upserts a thousand customers in one call, each under its own data key", async () => {
    const { orgId } = await createOrg();
    const many = Array.from({ length: 1200 }, (_, i) => ({
      externalRef: `m-${i}`,
      phone: `+8615${String(i).padStart(9, "0")}`,
      email: `m${i}@example.com`,
    }));
    const results = await upsert(orgId, many);
    expect(results.filter((r) => r.created)).toHaveLength(1200);
    const [first, last] = [
      await storedRow(orgId, results[0].id),
      await storedRow(orgId, results[1199].id),
    ];
    const [keyA, keyB] = await withTenant(orgId, async (tx) => [
      await keyForField(tx, orgId, first.phoneEnc!),
      await keyForField(tx, orgId, last.phoneEnc!),
    ]);
    expect(keyA.id).toBe(results[0].id);
    expect(keyB.id).toBe(results[1199].id);
    expect(ids(await find(orgId, { email: "m1199@example.com" }))).toEqual([results[1199].id]);
    const again = await upsert(
      orgId,
      many.map((m, i) => (i % 2 ? { ...m, email: `n${i}@example.com` } : m)),
    );
    expect(again.filter((r) => r.fields.length > 0)).toHaveLength(600);
    expect(await reveal(orgId, results[1199].id, "email")).toBe("n1199@example.com");
  });

  it("refuses a batch naming one customer twice, writing nothing", async () => {
    const { orgId } = await createOrg();
    await expect(upsert(orgId, [zhang, { ...zhang, phone: "13900000000" }])).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await find(orgId, { externalRef: zhang.externalRef })).toEqual([]);
  });

  it("does not decrypt ciphertext copied to another customer's row or another column", async () => {
    const { orgId } = await createOrg();
    const [a, b] = await upsert(orgId, [zhang, li]);
    const stolen = (await storedRow(orgId, a.id)).phoneEnc;
    const where = (id: string) => and(eq(customers.orgId, orgId), eq(customers.id, id));
    await withTenant(orgId, (tx) =>
      tx.update(customers).set({ phoneEnc: stolen }).where(where(b.id)),
    );
    await expect(reveal(orgId, b.id, "phone")).rejects.toThrow(DecryptionError);
    await withTenant(orgId, (tx) =>
      tx.update(customers).set({ emailEnc: stolen }).where(where(a.id)),
    );
    await expect(reveal(orgId, a.id, "email")).rejects.toThrow(DecryptionError);
    expect(await reveal(orgId, a.id, "phone")).toBe("+8613812345678");
  });

  it("erases by crypto-shredding: reveal fails closed, searches find nothing, others are unaffected", async () => {
    const { orgId } = await createOrg();
    const [a, b] = await upsert(orgId, [zhang, li]);
    const copy = (await storedRow(orgId, a.id)).phoneEnc!;
    expect(await erase(orgId, a.id)).toBe(true);

    await expect(reveal(orgId, a.id, "phone")).rejects.toThrow(KeyDestroyedError);
    // A copy of the ciphertext taken before erasure (a backup) no longer opens either.
    await expect(withTenant(orgId, (tx) => keyForField(tx, orgId, copy))).rejects.toThrow(
      KeyDestroyedError,
    );
    for (const by of [
      { phone: zhang.phone },
      { email: zhang.email },
      { nationalId: zhang.nationalId },
      { externalRef: zhang.externalRef },
    ]) {
      expect(await find(orgId, by)).toEqual([]);
    }
    const row = await storedRow(orgId, a.id);
    expect(row).toMatchObject({
      status: "erased",
      externalRef: `erased:${a.id}`,
      phoneEnc: null,
      phoneBidx: null,
      phoneMasked: null,
      nameMasked: null,
      nationalIdBidx: null,
    });
    expect((await eventsFor(orgId, a.id)).at(-1)).toEqual({
      action: "customer.erased",
      details: { keyDestroyed: true, paymentAccountsDeleted: 0 },
    });
    expect(await erase(orgId, a.id)).toBe(false);

    expect(ids(await find(orgId, { phone: li.phone }))).toEqual([b.id]);
    expect(await reveal(orgId, b.id, "displayName")).toBe("李四");
    // The platform pushing the same user id again makes a new customer with a new key.
    const [again] = await upsert(orgId, [zhang]);
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(a.id);
    const fresh = await storedRow(orgId, again.id);
    const key = await withTenant(orgId, (tx) => keyForField(tx, orgId, fresh.phoneEnc!));
    expect(decryptField(key, fresh.phoneEnc!, fieldContext(orgId, again.id, "phone"))).toBe(
      zhang.phone,
    );
  });
});
