import { and, count, eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, customers, paymentAccounts, transferOrders, vouchers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { decryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { findCustomersBy, revealField } from "@/lib/customers/queries";
import { customerInput } from "@/lib/customers/schemas";
import { createOrg } from "@/tests/factories";
import { generatedCustomer } from "../people";
import { seedCustomersBulk } from "./load";

afterAll(closeAppDb);

const load = (orgId: string, n: number) =>
  seedCustomersBulk({
    ownerUrl: process.env.DATABASE_URL!,
    orgId,
    count: n,
    actor: { type: "system", id: "seed" },
    chunkSize: 120,
    workers: 1,
  });

describe("bulk seed", () => {
  it("loads generated customers encrypted as the app does, and continues numbering on a second run", async () => {
    const { orgId } = await createOrg();
    const first = await load(orgId, 250);
    expect(first).toMatchObject({ customers: 250, data_keys: 250 });
    expect(first.vouchers).toBeGreaterThan(500);
    const second = await load(orgId, 100);
    expect(second.customers).toBe(100);

    await withTenant(orgId, async (tx) => {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), like(customers.externalRef, "g-%")));
      expect(n).toBe(350);
      for (const number of [1, 250, 251, 350]) {
        const person = customerInput.parse(generatedCustomer(number));
        const [found] = await findCustomersBy(tx, orgId, { phone: person.phone! });
        expect(found.externalRef).toBe(`g-${String(number).padStart(7, "0")}`);
        expect(await revealField(tx, orgId, found.id, "displayName")).toBe(person.displayName);
        expect(await revealField(tx, orgId, found.id, "email")).toBe(person.email ?? null);
        const [row] = await tx
          .select()
          .from(customers)
          .where(and(eq(customers.orgId, orgId), eq(customers.id, found.id)));
        expect(row).toMatchObject({
          laws: person.laws,
          region: person.region,
          status: person.status,
          realNameVerified: person.realNameVerified,
          lastActiveAt: person.lastActiveAt,
        });
        expect(row.phoneMasked).toBe(found.phoneMasked);
      }
      // The second run's orders name sellers from the first run.
      const [late] = await findCustomersBy(tx, orgId, { externalRef: "g-0000251" });
      const bought = await tx
        .select()
        .from(transferOrders)
        .where(and(eq(transferOrders.orgId, orgId), eq(transferOrders.buyerId, late.id)));
      expect(bought.length).toBeGreaterThan(0);
      const [voucher] = await tx
        .select()
        .from(vouchers)
        .where(and(eq(vouchers.orgId, orgId), eq(vouchers.ownerId, late.id)))
        .limit(1);
      const where = { orgId, table: "vouchers", column: "redemption_code_enc", rowId: voucher.id };
      expect(
        decryptField(
          await keyForField(tx, orgId, voucher.redemptionCodeEnc!),
          voucher.redemptionCodeEnc!,
          where,
        ),
      ).toMatch(/^\d{12}$/);
      const accounts = await tx
        .select()
        .from(paymentAccounts)
        .where(eq(paymentAccounts.orgId, orgId));
      expect(accounts.length).toBeGreaterThan(50);
      for (const account of accounts.slice(0, 20)) {
        const at = {
          orgId,
          table: "payment_accounts",
          column: "identifier_enc",
          rowId: account.id,
        };
        const identifier = decryptField(
          await keyForField(tx, orgId, account.identifierEnc),
          account.identifierEnc,
          at,
        );
        expect(account.identifierMasked.endsWith(identifier.slice(-4))).toBe(true);
      }
      const events = await tx
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "customer.batch_upserted")),
        );
      expect(events.map((e) => e.details)).toEqual([
        { created: 250, updated: 0, unchanged: 0 },
        { created: 100, updated: 0, unchanged: 0 },
      ]);
    });
  });
});
