import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, customers, paymentAccounts, transferOrders, vouchers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { decryptField } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { findCustomersBy, revealField } from "@/lib/customers/queries";
import { ageOn } from "@/lib/customers/minor-age";
import { todayIso } from "@/lib/core/dates";
import { customerInput } from "@/lib/customers/schemas";
import { createOrg } from "@/tests/factories";
import { generatedCustomer } from "./people";
import { seedVault } from "./vault";

afterAll(closeAppDb);

const seeded = async (size: "full" | "few") => {
  const { orgId } = await createOrg();
  const started = Date.now();
  await withTenant(orgId, (tx) => seedVault(tx, orgId, size, { type: "system", id: "seed" }));
  return { orgId, ms: Date.now() - started };
};

describe("demo vault", () => {
  it("gives the demo the named customers of the contract, with their vouchers, orders and payment account", async () => {
    const { orgId, ms } = await seeded("full");
    expect(ms).toBeLessThan(10_000);
    await withTenant(orgId, async (tx) => {
      const [zhang] = await findCustomersBy(tx, orgId, { phone: "+8613800138000" });
      expect(zhang).toMatchObject({
        externalRef: "u-10001",
        phoneMasked: "138****8000",
        region: "CN-BJ",
        laws: ["PIPL"],
        realNameVerified: true,
      });
      expect(await revealField(tx, orgId, zhang.id, "displayName")).toBe("张伟");
      expect(await revealField(tx, orgId, zhang.id, "nationalId")).toBe("11010519491231002X");
      expect(await revealField(tx, orgId, zhang.id, "address")).toBe("北京市朝阳区建国路88号");
      expect(await revealField(tx, orgId, zhang.id, "birthDate")).toBe("1949-12-31");
      const [li] = await findCustomersBy(tx, orgId, { phone: "13912345678" });
      expect(li).toMatchObject({ externalRef: "u-10002", region: "CN-SH" });
      const [minor] = await findCustomersBy(tx, orgId, { phone: "+8613900001403" });
      expect(minor).toMatchObject({ externalRef: "u-10003", laws: ["PIPL"] });
      expect(
        (
          await tx
            .select({ minorBornOn: customers.minorBornOn })
            .from(customers)
            .where(and(eq(customers.orgId, orgId), eq(customers.id, minor.id)))
        )[0],
      ).toEqual({ minorBornOn: "2014-05-20" });
      // Two fifteen-year-olds beyond PIPL: under GDPR (a parent consents) and CCPA (their own opt-in).
      for (const email of ["lena.fischer@example.de", "mia.garcia@example.com"]) {
        const [teen] = await findCustomersBy(tx, orgId, { email });
        const [row] = await tx
          .select({ minorBornOn: customers.minorBornOn })
          .from(customers)
          .where(and(eq(customers.orgId, orgId), eq(customers.id, teen.id)));
        expect(ageOn(row.minorBornOn!, todayIso())).toBe(15);
      }
      expect(
        (await findCustomersBy(tx, orgId, { email: "emma.schmidt@example.de" }))[0],
      ).toMatchObject({ externalRef: "u-20001", laws: ["GDPR"], region: "DE" });

      const held = await tx
        .select()
        .from(vouchers)
        .where(and(eq(vouchers.orgId, orgId), eq(vouchers.ownerId, zhang.id)));
      expect(held).toHaveLength(3);
      const code = held.find((v) => v.externalRef === "v-demo-1")!;
      expect(code.title).toBe("海底捞 4人套餐");
      const where = { orgId, table: "vouchers", column: "redemption_code_enc", rowId: code.id };
      expect(
        decryptField(
          await keyForField(tx, orgId, code.redemptionCodeEnc!),
          code.redemptionCodeEnc!,
          where,
        ),
      ).toBe("830216457901");

      const bought = await tx
        .select()
        .from(transferOrders)
        .where(and(eq(transferOrders.orgId, orgId), eq(transferOrders.buyerId, zhang.id)));
      const sold = await tx
        .select()
        .from(transferOrders)
        .where(and(eq(transferOrders.orgId, orgId), eq(transferOrders.sellerId, zhang.id)));
      expect(bought.map((o) => o.sellerId)).toEqual([li.id, li.id]);
      expect(sold.map((o) => o.buyerId)).toEqual([li.id]);

      const [account, ...more] = await tx
        .select()
        .from(paymentAccounts)
        .where(and(eq(paymentAccounts.orgId, orgId), eq(paymentAccounts.customerId, zhang.id)));
      expect(more).toEqual([]);
      expect(account).toMatchObject({ type: "alipay", identifierMasked: "支付宝 138****8000" });
      const accountWhere = {
        orgId,
        table: "payment_accounts",
        column: "identifier_enc",
        rowId: account.id,
      };
      expect(
        decryptField(
          await keyForField(tx, orgId, account.identifierEnc),
          account.identifierEnc,
          accountWhere,
        ),
      ).toBe("+8613800138000");
    });
  });

  it("adds 300 generated customers in one audited batch, the same ones on every run", async () => {
    const { orgId } = await seeded("full");
    await withTenant(orgId, async (tx) => {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(customers)
        .where(eq(customers.orgId, orgId));
      expect(n).toBe(307); // 7 named, 300 generated
      const person = customerInput.parse(generatedCustomer(42));
      const [found] = await findCustomersBy(tx, orgId, { phone: person.phone! });
      expect(found.externalRef).toBe("g-0000042");
      expect(await revealField(tx, orgId, found.id, "displayName")).toBe(person.displayName);
      const events = await tx
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "customer.batch_upserted")),
        );
      expect(events).toEqual([
        { action: "customer.batch_upserted", details: { created: 300, updated: 0, unchanged: 0 } },
      ]);
      const [{ orders }] = await tx
        .select({ orders: count() })
        .from(transferOrders)
        .where(eq(transferOrders.orgId, orgId));
      expect(orders).toBeGreaterThan(300);
    });
  });

  it("gives the second organisation a smaller vault", async () => {
    const { orgId } = await seeded("few");
    const [{ n }] = await withTenant(orgId, (tx) =>
      tx.select({ n: count() }).from(customers).where(eq(customers.orgId, orgId)),
    );
    expect(n).toBe(32);
  });
});
