import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { eq } from "drizzle-orm";
import { orgKeys } from "@/db/schema";
import {
  BLIND_INDEX_BYTES,
  blindIndex,
  blindIndexKey,
  blindIndexKeys,
} from "@/lib/core/crypto/blind-index";
import { rotateOrgKey } from "@/lib/core/crypto/org-keys";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const key = randomBytes(32);
const hex = (b: Buffer) => b.toString("hex");

describe("blindIndex", () => {
  it("is equal for differently written equal phones, emails and ID numbers", () => {
    const phones = [
      "13800138000",
      "+86 138-0013-8000",
      "0086 138 0013 8000",
      "１３８００１３８０００",
    ];
    expect(new Set(phones.map((p) => hex(blindIndex(key, "phone", p)))).size).toBe(1);
    const emails = ["Zhang.San@Example.com", "  zhang.san@example.COM "];
    expect(new Set(emails.map((e) => hex(blindIndex(key, "email", e)))).size).toBe(1);
    expect(hex(blindIndex(key, "national_id", "11010519491231002x"))).toBe(
      hex(blindIndex(key, "national_id", "110105 19491231 002X")),
    );
  });

  it("differs for different values and kinds, and hides the value", () => {
    const index = blindIndex(key, "phone", "13800138000");
    expect(hex(index)).not.toBe(hex(blindIndex(key, "phone", "13800138001")));
    expect(hex(blindIndex(key, "national_id", "8613800138000"))).not.toBe(
      hex(blindIndex(key, "email", "8613800138000@x")),
    );
    expect(index).toHaveLength(BLIND_INDEX_BYTES);
    expect(index.includes(Buffer.from("13800138000"))).toBe(false);
  });

  it("refuses values that are not of the kind", () => {
    expect(() => blindIndex(key, "phone", "not a phone")).toThrow(RangeError);
    expect(() => blindIndex(key, "email", "nobody")).toThrow(RangeError);
  });

  it("uses a different key per organisation, stable within one", async () => {
    const [a, b] = [(await createOrg()).orgId, (await createOrg()).orgId];
    const keyA = await withTenant(a, (tx) => blindIndexKey(tx, a));
    const keyB = await withTenant(b, (tx) => blindIndexKey(tx, b));
    const again = await withTenant(a, (tx) => blindIndexKey(tx, a));
    expect(keyA.version).toBe(1);
    expect(hex(again.key)).toBe(hex(keyA.key));
    expect(hex(blindIndex(keyA.key, "phone", "13800138000"))).toBe(
      hex(blindIndex(again.key, "phone", "+8613800138000")),
    );
    expect(hex(blindIndex(keyA.key, "phone", "13800138000"))).not.toBe(
      hex(blindIndex(keyB.key, "phone", "13800138000")),
    );
    expect(hex(blindIndex(keyA.key, "email", "a@example.com"))).not.toBe(
      hex(blindIndex(keyB.key, "email", "a@example.com")),
    );
  });

  it("lists every live version's index key, primary first, and drops destroyed ones", async () => {
    const { orgId } = await createOrg();
    const v1 = await withTenant(orgId, (tx) => blindIndexKey(tx, orgId));
    await withTenant(orgId, (tx) => rotateOrgKey(tx, orgId));
    const live = await withTenant(orgId, (tx) => blindIndexKeys(tx, orgId));
    expect(live.map((k) => k.version)).toEqual([2, 1]);
    expect(hex(live[1].key)).toBe(hex(v1.key));
    expect(hex(live[0].key)).toBe(
      hex((await withTenant(orgId, (tx) => blindIndexKey(tx, orgId))).key),
    );
    await withTenant(orgId, (tx) =>
      tx
        .update(orgKeys)
        .set({ status: "destroyed", wrappedKey: null, destroyedAt: new Date() })
        .where(eq(orgKeys.version, 1)),
    );
    expect(
      (await withTenant(orgId, (tx) => blindIndexKeys(tx, orgId))).map((k) => k.version),
    ).toEqual([2]);
  });
});
