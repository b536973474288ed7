/** Builders shared by the key tests: an organisation with every kind of protected value. */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, or } from "drizzle-orm";
import { customerImports, customers, merchants, vouchers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { blindIndex, blindIndexKeys } from "@/lib/core/crypto/blind-index";
import { encryptField, decryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { revealField } from "@/lib/customers/queries";
import { upsert } from "@/lib/customers/test-support";
import { sealRedemptionCodeWith } from "@/lib/vault/sealing";

export const phoneOf = (i: number) => `+86138${String(i).padStart(8, "0")}`;
export const codeOf = (i: number) => `CODE-${i}`;
const CHUNK = 500;
export const fileText = "external_ref,phone\nu-1,13800000001\n";

/**
 * `count` customers (every third without any indexed field), one voucher per customer with a
 * sealed redemption code, and two import files: count data keys, ⌈2/3⌉ indexed customers,
 * count voucher codes and 2 import files.
 */
export async function seedProtectedValues(orgId: string, count: number) {
  const ids: string[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const results = await upsert(
      orgId,
      Array.from({ length: Math.min(CHUNK, count - from) }, (_, j) => {
        const i = from + j;
        return i % 3 === 2
          ? { externalRef: `k-${i}`, displayName: `客户${i}` }
          : {
              externalRef: `k-${i}`,
              displayName: `客户${i}`,
              phone: phoneOf(i),
              email: `k${i}@example.com`,
            };
      }),
    );
    ids.push(...results.map((r) => r.id));
  }
  const imports = [randomUUID(), randomUUID()];
  await withTenant(orgId, async (tx) => {
    const key = await ensureOrgKey(tx, orgId);
    const merchantId = randomUUID();
    await tx
      .insert(merchants)
      .values({ orgId, id: merchantId, externalRef: "m-1", name: "测试商户" });
    for (let from = 0; from < count; from += CHUNK) {
      await tx.insert(vouchers).values(
        ids.slice(from, from + CHUNK).map((ownerId, j) => {
          const id = randomUUID();
          return {
            orgId,
            id,
            externalRef: `v-${from + j}`,
            merchantId,
            ownerId,
            title: "团购券",
            faceValueCents: 1000,
            pricePaidCents: 800,
            purchasedAt: new Date(),
            ...sealRedemptionCodeWith(key, orgId, id, codeOf(from + j)),
          };
        }),
      );
    }
    for (const id of imports) {
      await tx.insert(customerImports).values({
        orgId,
        id,
        fileName: "a.csv",
        mapping: {},
        createdBy: randomUUID(),
        fileEnc: encryptField(key, fileText, {
          orgId,
          table: "customer_imports",
          column: "file_enc",
          rowId: id,
        }),
        fileKeyVersion: key.version,
      });
    }
  });
  const indexed = Math.ceil((count * 2) / 3);
  return { ids, imports, total: count + indexed + count + imports.length };
}

/** Customers whose phone index matches under any live version (what search does during rotation). */
export const findByPhone = (orgId: string, phone: string) =>
  withTenant(orgId, async (tx) => {
    const keys = await blindIndexKeys(tx, orgId);
    const rows = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.orgId, orgId),
          inArray(
            customers.phoneBidx,
            keys.map((k) => blindIndex(k.key, "phone", phone)),
          ),
        ),
      );
    return rows.map((r) => r.id);
  });

/** Decrypts every protected value of the seed; throws when any fails. */
export async function readEverything(orgId: string, ids: string[], imports: string[]) {
  return withTenant(orgId, async (tx) => {
    const phones: Array<string | null> = [];
    const names: Array<string | null> = [];
    for (const id of ids) {
      phones.push(await revealField(tx, orgId, id, "phone"));
      names.push(await revealField(tx, orgId, id, "displayName"));
    }
    const rows = await tx
      .select({
        id: vouchers.id,
        externalRef: vouchers.externalRef,
        blob: vouchers.redemptionCodeEnc,
      })
      .from(vouchers)
      .where(eq(vouchers.orgId, orgId))
      .orderBy(vouchers.externalRef);
    const codes = new Map<string, string>();
    for (const row of rows) {
      const where = { orgId, table: "vouchers", column: "redemption_code_enc", rowId: row.id };
      codes.set(
        row.externalRef,
        decryptField(await keyForField(tx, orgId, row.blob!), row.blob!, where),
      );
    }
    const files = [];
    for (const row of await tx
      .select()
      .from(customerImports)
      .where(
        and(
          eq(customerImports.orgId, orgId),
          or(...imports.map((id) => eq(customerImports.id, id))),
        ),
      )) {
      const where = { orgId, table: "customer_imports", column: "file_enc", rowId: row.id };
      files.push(decryptField(await keyForField(tx, orgId, row.fileEnc!), row.fileEnc!, where));
    }
    return { phones, names, codes, files };
  });
}
