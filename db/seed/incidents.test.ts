import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { incidentEvidenceFiles, incidents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { getIncident } from "@/lib/incidents/queries";
import { createMember, createOrg } from "@/tests/factories";
import { incidentTasksOwnedBy } from "@/lib/incidents/response/tasks";
import { seedIncidentResponse } from "./incident-response";
import { seedIncidents } from "./incidents";

afterAll(closeAppDb);

describe("demo incident", () => {
  it("one triaged breach of about 12,000 PIPL customers, reported by an employee: 一般, no CAC clock, the PIPL targets running", async () => {
    const { orgId, ownerId } = await createOrg();
    await createMember(orgId, "employee");
    await withTenant(orgId, (tx) =>
      seedIncidents(tx, orgId, "full", { type: "system", id: "seed" }),
    );
    const rows = await withTenant(orgId, (tx) =>
      tx.select().from(incidents).where(eq(incidents.orgId, orgId)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "triage",
      classification: "pi_breach",
      proposedGrade: "general",
      affectedLaws: ["PIPL"],
    });
    const detail = await withTenant(orgId, (tx) =>
      getIncident(tx, orgId, rows[0].id, { userId: ownerId, role: "owner" }),
    );
    expect(detail!.clocks.map((c) => [c.rule.key, c.state])).toEqual([
      ["pipl_authority", "running"],
      ["pipl_individuals", "running"],
    ]);
  });
});

describe("demo incident response", () => {
  it("a timeline entry with the courier's letter and a task on the reporter's My tasks", async () => {
    const { orgId } = await createOrg();
    const reporter = await createMember(orgId, "employee");
    await createMember(orgId, "privacy_officer");
    await withTenant(orgId, async (tx) => {
      await seedIncidents(tx, orgId, "full", { type: "system", id: "seed" });
      await seedIncidentResponse(tx, orgId, "full");
    });
    const [tasks, entries] = await withTenant(orgId, async (tx) => [
      await incidentTasksOwnedBy(tx, orgId, reporter),
      await tx.select().from(incidentEvidenceFiles).where(eq(incidentEvidenceFiles.orgId, orgId)),
    ]);
    expect(tasks).toHaveLength(1);
    expect(entries).toMatchObject([{ fileName: "物流方确认函.txt", kind: "text" }]);
  });
});
