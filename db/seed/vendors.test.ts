import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { vendorsOf } from "@/lib/vendors/test-support";
import { createOrg } from "@/tests/factories";
import { seedVendors } from "./vendors";

afterAll(closeAppDb);

const seeded = async (size: "full" | "few") => {
  const { orgId } = await createOrg();
  await withTenant(orgId, (tx) => seedVendors(tx, orgId, size, { type: "system", id: "seed" }));
  const events = await withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetType, "vendor"))),
  );
  return { vendors: await vendorsOf(orgId), events };
};

describe("demo vendors", () => {
  it("gives the full demo a register that exercises every state, each vendor audited", async () => {
    const { vendors, events } = await seeded("full");
    const active = vendors.filter((v) => v.archivedAt === null);
    expect(vendors).toHaveLength(26);
    expect(new Set(active.map((v) => v.riskTier))).toEqual(
      new Set(["low", "medium", "high", "critical"]),
    );
    expect(new Set(active.map((v) => v.dpaStatus))).toEqual(
      new Set(["none", "draft", "signed", "expired"]),
    );
    expect(new Set(active.map((v) => v.reviewState))).toEqual(new Set(["ok", "due", "overdue"]));
    expect(active.some((v) => v.dpaExpiring)).toBe(true);
    expect(active.some((v) => v.crossBorder) && active.some((v) => v.sensitiveData)).toBe(true);
    // Real roles: the ad partner and the payment institutions handle data on their own account, the cloud host on instructions.
    const roleOf = (name: string) => vendors.find((v) => v.name === name)?.handlerRole;
    expect([roleOf("巨量引擎"), roleOf("支付宝"), roleOf("友盟+"), roleOf("阿里云")]).toEqual([
      "independent_handler",
      "independent_handler",
      "independent_handler",
      "entrusted_processor",
    ]);
    expect(events.filter((e) => e.action === "vendor.created")).toHaveLength(26);
    expect(events.filter((e) => e.action === "vendor.archived")).toHaveLength(1);
  });

  it("gives the second organisation three", async () => {
    const { vendors } = await seeded("few");
    expect(vendors).toHaveLength(3);
  });
});
