import { randomInt, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { paymentAccounts } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { eraseCustomer } from "@/lib/customers/commands";
import { personalFieldNames, personalFields } from "@/lib/customers/fields";
import { residentIdCheckChar } from "@/lib/customers/national-id";
import { dumpDatabase, dumpedRows } from "@/lib/customers/test-dump";
import { system, upsert } from "@/lib/customers/test-support";
import { sealPaymentIdentifier } from "@/lib/vault/sealing";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const residentId = () => {
  const stem = `3201021990051${digits(4)}`;
  return stem + residentIdCheckChar(stem);
};
const person = (ref: string) => ({
  externalRef: ref,
  displayName: "欧阳娜娜",
  phone: `139${digits(8)}`,
  email: `p.${digits(6)}@example.com`,
  nationalId: residentId(),
  address: "江苏省南京市玄武区中山路1号",
  birthDate: "1990-05-17",
});

/** Opens every sealed value of a dumped row with the key store as it is NOW (never the dump's). */
async function openWithCurrentKeys(
  orgId: string,
  table: string,
  row: Record<string, string | Buffer | null>,
  columns: string[],
) {
  return withTenant(orgId, async (tx) => {
    const out: Record<string, string | "destroyed"> = {};
    for (const column of columns) {
      const blob = row[column] as Buffer;
      try {
        const key = await keyForField(tx, orgId, blob);
        out[column] = decryptField(key, blob, { orgId, table, column, rowId: row.id as string });
      } catch (error) {
        if (!(error instanceof KeyDestroyedError)) throw error;
        out[column] = "destroyed";
      }
    }
    return out;
  });
}

describe("erasure by crypto-shredding", () => {
  it("leaves a backup taken before the erasure unable to decrypt the erased customer, and only them", async () => {
    const { orgId } = await createOrg();
    const [erased, kept] = await upsert(orgId, [
      person(`er-${digits(6)}`),
      person(`kp-${digits(6)}`),
    ]);
    const accountId = randomUUID();
    await withTenant(orgId, async (tx) => {
      const key = await dataKeyFor(tx, orgId, erased.id);
      await tx.insert(paymentAccounts).values({
        orgId,
        id: accountId,
        customerId: erased.id,
        externalRef: `pa-${digits(6)}`,
        type: "bank_card",
        identifierMasked: "银行卡 **** 1234",
        identifierEnc: sealPaymentIdentifier(key, orgId, accountId, "6222020200112231234"),
      });
    });

    const backup = await dumpDatabase();

    await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, erased.id));

    const sealedColumns = personalFieldNames.map((field) => personalFields[field].column);
    const dumped = dumpedRows(backup, "customers");
    const rowOf = (id: string) => dumped.find((row) => row.id === id)!;
    expect(sealedColumns.every((column) => Buffer.isBuffer(rowOf(erased.id)[column]))).toBe(true);

    // Every ciphertext of the erased customer in the old backup fails closed with today's keys…
    const erasedNow = await openWithCurrentKeys(
      orgId,
      "customers",
      rowOf(erased.id),
      sealedColumns,
    );
    expect(Object.values(erasedNow)).toEqual(sealedColumns.map(() => "destroyed"));
    const account = dumpedRows(backup, "payment_accounts").find((row) => row.id === accountId)!;
    expect(
      await openWithCurrentKeys(orgId, "payment_accounts", account, ["identifier_enc"]),
    ).toEqual({ identifier_enc: "destroyed" });

    // …while the other customer's, from the same backup, still open.
    const keptNow = await openWithCurrentKeys(orgId, "customers", rowOf(kept.id), sealedColumns);
    expect(keptNow).toMatchObject({
      address_enc: "江苏省南京市玄武区中山路1号",
      birth_date_enc: "1990-05-17",
      display_name_enc: "欧阳娜娜",
    });
    expect(Object.values(keptNow)).not.toContain("destroyed");

    // And the live database keeps nothing of them but a pseudonymous row.
    const live = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(paymentAccounts)
        .where(and(eq(paymentAccounts.orgId, orgId), eq(paymentAccounts.customerId, erased.id))),
    );
    expect(live).toEqual([]);
  });
});
