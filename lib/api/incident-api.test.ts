import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { incidents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { reportIncidentEndpoint } from "./incident-endpoints";
import { call, eventsOf, newKey, rowCount } from "./test-support";

afterAll(closeAppDb);

const report = {
  summary: "订单备份可公开访问",
  description: "监控发现夜间订单备份的存储桶可被公开列出。",
  discoveredAt: new Date(Date.now() - 600_000).toISOString(),
  systems: ["order-service"],
  dataCategories: ["contact", "transactions"],
  estimatedAffected: 1_200_000,
};

describe("POST /api/v1/incidents (incidents:write)", () => {
  it("reports a suspected incident for the officers to triage, as the key, its creator standing as reporter", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["incidents:write"], "monitoring");
    const res = await call(reportIncidentEndpoint, "/incidents", {
      token: key.token,
      body: report,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "reported",
      reference: expect.stringMatching(/^INC-/),
    });
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(incidents).where(eq(incidents.id, res.body.id)),
    );
    expect(row).toMatchObject({
      status: "reported",
      reportedBy: ownerId,
      estimatedAffected: 1_200_000,
      proposedGrade: "relatively_major",
      dataCategories: ["contact", "transactions"],
    });
    const [event] = await eventsOf(orgId, "incident.reported");
    expect(event).toMatchObject({ actorType: "api_key", actorId: key.id, targetId: row.id });
    expect(event.details).toEqual({ reference: row.reference, vendor: false, via: "api_key" });
  });

  it("refuses a key without the scope, and a report that is not valid, as problems writing nothing", async () => {
    const { orgId, ownerId } = await createOrg();
    const other = await newKey(orgId, ownerId, ["customers:write"]);
    const forbidden = await call(reportIncidentEndpoint, "/incidents", {
      token: other.token,
      body: report,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toContain("application/problem+json");
    const key = await newKey(orgId, ownerId, ["incidents:write"]);
    for (const body of [
      { ...report, dataCategories: ["telepathy"] },
      { ...report, discoveredAt: new Date(Date.now() + 86_400_000).toISOString() },
      { ...report, summary: "" },
      { ...report, vendorId: crypto.randomUUID() },
    ]) {
      const res = await call(reportIncidentEndpoint, "/incidents", { token: key.token, body });
      expect(res.status).toBe(422);
      expect(res.body.type).toMatch(/validation/);
    }
    expect(await rowCount(orgId, incidents)).toBe(0);
    expect(await eventsOf(orgId, "incident.reported")).toEqual([]);
  });
});
