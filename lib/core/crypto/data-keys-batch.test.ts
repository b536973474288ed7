import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { dataKeyFor, dataKeysFor, destroyDataKey } from "@/lib/core/crypto/data-keys";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const keyRows = (orgId: string, ids: string[]) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(dataKeys)
      .where(and(eq(dataKeys.orgId, orgId), inArray(dataKeys.subjectId, ids))),
  );

describe("data keys in batches", () => {
  it("returns existing keys and creates the missing ones, the same keys dataKeyFor gives", async () => {
    const { orgId } = await createOrg();
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const early = await withTenant(orgId, (tx) => dataKeyFor(tx, orgId, ids[0]));
    const keys = await withTenant(orgId, (tx) => dataKeysFor(tx, orgId, [...ids, ids[1]]));
    expect(keys.size).toBe(50);
    expect(keys.get(ids[0])!.bytes.equals(early.bytes)).toBe(true);
    const later = await withTenant(orgId, (tx) => dataKeyFor(tx, orgId, ids[49]));
    expect(later.bytes.equals(keys.get(ids[49])!.bytes)).toBe(true);
    expect(new Set([...keys.values()].map((k) => k.bytes.toString("hex"))).size).toBe(50);
    expect(await keyRows(orgId, ids)).toHaveLength(50);
  });

  it("gives concurrent batches creating the same keys one key per subject", async () => {
    const { orgId } = await createOrg();
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const runs = await Promise.all(
      [0, 1, 2].map((i) =>
        withTenant(orgId, (tx) => dataKeysFor(tx, orgId, i === 1 ? [...ids].reverse() : ids)),
      ),
    );
    for (const id of ids) {
      expect(runs[1].get(id)!.bytes.equals(runs[0].get(id)!.bytes)).toBe(true);
      expect(runs[2].get(id)!.bytes.equals(runs[0].get(id)!.bytes)).toBe(true);
    }
    expect(await keyRows(orgId, ids)).toHaveLength(200);
  });

  it("never makes a new key for an erased subject", async () => {
    const { orgId } = await createOrg();
    const [live, erased] = [randomUUID(), randomUUID()];
    await withTenant(orgId, (tx) => destroyDataKey(tx, orgId, erased));
    await expect(withTenant(orgId, (tx) => dataKeysFor(tx, orgId, [live, erased]))).rejects.toThrow(
      KeyDestroyedError,
    );
    const rows = await keyRows(orgId, [live, erased]);
    expect(rows.map((r) => [r.subjectId, r.wrappedKey])).toEqual([[erased, null]]);
  });
});
