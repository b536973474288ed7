import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataSubjectRequests, requestEvents } from "@/db/schema";
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
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set([
        "in_progress",
        "awaiting_requester",
        "verified",
        "awaiting_identity",
        "completed",
        "rejected",
      ]),
    );
    expect(new Set(rows.map((r) => r.law))).toEqual(new Set(["PIPL", "GDPR", "CCPA"]));
    expect(rows.every((r) => r.duplicateOfId === null)).toBe(true);
    // A history of closed requests, closed on their own story's day, for the overview's chart and medians.
    const medians = await withTenant(orgId, (tx) => medianDaysToClose(tx, orgId));
    expect(medians.length).toBeGreaterThanOrEqual(5);
    for (const m of medians) expect(m.median, m.type).toBeLessThanOrEqual(30);
    // Every request and its timeline carry the story's own days, not the seed's clock.
    const events = await withTenant(orgId, (tx) => tx.select().from(requestEvents));
    const seededAt = Date.now() - 60_000;
    for (const r of rows) {
      const mine = events.filter((e) => e.requestId === r.id);
      expect(mine.length, r.reference).toBeGreaterThan(0);
      expect(r.createdAt.getTime(), r.reference).toBeLessThan(seededAt);
      for (const e of mine) {
        expect(new Date(e.createdAt).getTime(), `${r.reference} ${e.kind}`).toBeLessThan(seededAt);
        expect(new Date(e.createdAt).getTime()).toBeGreaterThanOrEqual(
          new Date(`${r.receivedOn}T00:00:00+08:00`).getTime(),
        );
        if (r.closedAt)
          expect(new Date(e.createdAt).getTime()).toBeLessThanOrEqual(r.closedAt.getTime());
      }
    }
    const volume = await withTenant(orgId, (tx) => weeklyVolume(tx, orgId));
    expect(
      Object.values(volume.byType)
        .flat()
        .reduce((a, b) => a + b, 0),
    ).toBeGreaterThanOrEqual(20);
  });
});
