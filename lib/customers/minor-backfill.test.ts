import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, customers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { todayIso } from "@/lib/core/dates";
import { backfillMinorBornOn } from "@/lib/customers/minor-backfill";
import { residentIdCheckChar } from "@/lib/customers/national-id";
import { storedRow, upsert } from "@/lib/customers/test-support";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

const year = Number(todayIso().slice(0, 4));
const idBornOn = (date: string) => {
  const first17 = `320102${date.replaceAll("-", "")}123`;
  return first17 + residentIdCheckChar(first17);
};

describe("the minor_born_on backfill", () => {
  it("decrypts through the vault in batches, fills the rows written before the column, audits counts only, and a second run writes nothing", async () => {
    const { orgId } = await createOrg();
    const written = await upsert(orgId, [
      { externalRef: "b-1", birthDate: `${year - 9}-04-04` },
      { externalRef: "b-2", nationalId: idBornOn(`${year - 12}-06-15`) },
      { externalRef: "b-3", birthDate: "1985-01-01" },
      { externalRef: "b-4", phone: "+8613900007777" },
    ]);
    // As if written before minor_born_on existed.
    await withTenant(orgId, (tx) =>
      tx.update(customers).set({ minorBornOn: null }).where(eq(customers.orgId, orgId)),
    );

    const first = await backfillMinorBornOn(orgId, null, 2);
    expect(first).toMatchObject({ scanned: 2 });
    const second = await backfillMinorBornOn(orgId, first.next, 2);
    expect(second).toMatchObject({ scanned: 1, next: null });
    expect(first.updated + second.updated).toBe(2);
    expect((await storedRow(orgId, written[0].id)).minorBornOn).toBe(`${year - 9}-04-04`);
    expect((await storedRow(orgId, written[1].id)).minorBornOn).toBe(`${year - 12}-06-15`);
    expect((await storedRow(orgId, written[2].id)).minorBornOn).toBeNull();

    const again = await backfillMinorBornOn(orgId);
    expect(again).toEqual({ scanned: 3, updated: 0, next: null });
    const events = await withTenant(orgId, (tx) =>
      tx
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "customer.minors_backfilled")),
        )
        .orderBy(auditEvents.seq),
    );
    expect(events.map((e) => e.details)).toEqual([
      { scanned: 2, updated: first.updated },
      { scanned: 1, updated: second.updated },
      { scanned: 3, updated: 0 },
    ]);
  });
});
