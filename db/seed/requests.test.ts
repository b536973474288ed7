import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { medianDaysToClose, openRequestsBySla, weeklyVolume } from "@/lib/requests/overview";
import { createMember, createOrg } from "@/tests/factories";
import { seedRequests } from "./requests";
import { seedVault } from "./vault";

afterAll(closeAppDb);

describe("demo requests", () => {
  it("seeds requests in every SLA state through the commands, for generated customers only", async () => {
    const { orgId } = await createOrg();
    await createMember(orgId, "privacy_officer");
    const system = { type: "system", id: "seed" } as const;
    await withTenant(orgId, async (tx) => {
      await seedVault(tx, orgId, "full", system);
      await seedRequests(tx, orgId, "full", system);
    });
    const counts = await withTenant(orgId, (tx) => openRequestsBySla(tx, orgId));
    expect(counts).toEqual({ overdue: 1, due_soon: 1, paused: 1, on_track: 1, not_started: 1 });
    const rows = await withTenant(orgId, (tx) => tx.select().from(dataSubjectRequests));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["in_progress", "awaiting_requester", "verified", "awaiting_identity", "completed", "rejected"]));
    expect(new Set(rows.map((r) => r.law))).toEqual(new Set(["PIPL", "GDPR", "CCPA"]));
    expect(rows.every((r) => r.duplicateOfId === null)).toBe(true);
    // A history of closed requests, closed on their own story's day, for the overview's chart and medians.
    const medians = await withTenant(orgId, (tx) => medianDaysToClose(tx, orgId));
    expect(medians.length).toBeGreaterThanOrEqual(5);
    for (const m of medians) expect(m.median, m.type).toBeLessThanOrEqual(30);
    const volume = await withTenant(orgId, (tx) => weeklyVolume(tx, orgId));
    expect(Object.values(volume.byType).flat().reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
  });
});
