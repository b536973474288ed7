import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  controlEvaluations,
  dataSubjectRequests,
  incidentClockAlerts,
  incidentClockMarks,
  incidents,
  orgKeys,
  purposes,
  trainingAssignments,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";
import { acknowledgeVersion } from "@/lib/policies/acknowledgements";
import { updateDocumentSettings } from "@/lib/policies/audience";
import { documentWithVersion } from "@/lib/policies/test-support";
import { courseWithQuestions } from "@/lib/training/test-support";
import { insertVendor } from "@/lib/vendors/test-support";
import { lastAudit } from "@/tests/audit";
import { createMember, createOrg } from "@/tests/factories";
import { computeEvidence, evaluateControls, evaluationHistory } from "./evaluate";

afterAll(closeAppDb);

const now = new Date("2026-06-15T04:00:00Z");
let orgId: string;
let ownerId: string;
let officer: string;
let employees: string[];
let versionId: string;
let documentId: string;

const evidence = async (org = orgId) =>
  Object.fromEntries(
    (await withTenant(org, (tx) => computeEvidence(tx, org, now))).map((e) => [e.controlId, e]),
  );
const acknowledge = (userId: string) =>
  withTenant(orgId, (tx) =>
    acknowledgeVersion(tenantContext(tx, orgId, { type: "user", id: userId }), userId, versionId),
  );

async function request(values: {
  status: "completed" | "in_progress";
  dueOn: string;
  closedAt?: string;
}) {
  await withTenant(orgId, (tx) =>
    tx.insert(dataSubjectRequests).values({
      orgId,
      reference: `R-T-${randomUUID().slice(0, 8)}`,
      type: "access",
      law: "PIPL",
      laws: ["PIPL"],
      channel: "portal",
      clockTerms: {
        gdprTimeZone: "Europe/Brussels",
        piplPeriod: { amount: 15, unit: "working_days" },
      },
      receivedAt: new Date("2026-05-01T02:00:00Z"),
      receivedOn: "2026-05-01",
      trackingTokenHash: randomUUID(),
      status: values.status,
      dueOn: values.dueOn,
      closedAt: values.closedAt ? new Date(values.closedAt) : null,
    }),
  );
}

beforeAll(async () => {
  ({ orgId, ownerId } = await createOrg());
  officer = await createMember(orgId, "privacy_officer");
  employees = [await createMember(orgId, "employee"), await createMember(orgId, "employee")];
  ({ documentId, id: versionId } = await documentWithVersion(
    orgId,
    ownerId,
    officer,
    "published",
    "handbook",
  ));
});

describe("computed controls, each against the facts it counts", () => {
  it("policies acknowledged: the share of members asked who acknowledged the version in force", async () => {
    await withTenant(orgId, (tx) =>
      updateDocumentSettings(tenantContext(tx, orgId, { type: "user", id: officer }), {
        documentId,
        internal: true,
        acknowledgementRequired: true,
        audienceDepartmentIds: [],
      }),
    );
    // Four members asked (owner, officer, two employees); three acknowledge: 75 % is not met.
    for (const id of [ownerId, officer, employees[0]]) await acknowledge(id);
    expect((await evidence()).policy_acknowledgements).toMatchObject({
      status: "not_met",
      numerator: 3,
      denominator: 4,
    });
    await acknowledge(employees[1]);
    expect((await evidence()).policy_acknowledgements).toMatchObject({
      status: "met",
      numerator: 4,
      denominator: 4,
    });
  });

  it("requests on time: closed by their due day, and any open request past due caps it", async () => {
    expect((await evidence()).requests_on_time.status).toBe("no_data");
    // Closed 10 June 23:30 Beijing: on its due day (counted in Beijing time, not UTC).
    await request({ status: "completed", dueOn: "2026-06-10", closedAt: "2026-06-10T15:30:00Z" });
    expect((await evidence()).requests_on_time).toMatchObject({ status: "met", numerator: 1 });
    await request({ status: "completed", dueOn: "2026-06-10", closedAt: "2026-06-10T16:30:00Z" });
    expect((await evidence()).requests_on_time).toMatchObject({
      status: "not_met",
      numerator: 1,
      denominator: 2,
    });
  });

  it("requests on time: an open request past its due day is named and keeps the control from met", async () => {
    const { orgId: other } = await createOrg();
    const saved = orgId;
    orgId = other;
    try {
      await request({ status: "completed", dueOn: "2026-06-10", closedAt: "2026-06-01T02:00:00Z" });
      await request({ status: "in_progress", dueOn: "2026-06-12" });
      expect((await evidence(other)).requests_on_time).toMatchObject({
        status: "partly",
        numerator: 1,
        denominator: 1,
        details: { openOverdue: 1 },
      });
    } finally {
      orgId = saved;
    }
  });

  it("vendors reviewed: active vendors with a signed agreement and no overdue review", async () => {
    await insertVendor(orgId, {
      name: "Signed SMS",
      dpaStatus: "signed",
      dpaSignedOn: "2026-01-01",
      nextReviewOn: "2027-01-01",
    });
    expect((await evidence()).vendors_reviewed).toMatchObject({
      status: "met",
      numerator: 1,
      denominator: 1,
    });
    await insertVendor(orgId, { name: "Unsigned mail", dpaStatus: "none" });
    expect((await evidence()).vendors_reviewed).toMatchObject({
      status: "not_met",
      numerator: 1,
      denominator: 2,
      details: { agreementMissing: 1 },
    });
  });

  it("separate consent: every sensitive PIPL-consent purpose asks separately", async () => {
    const purpose = (code: string, consentKind: "standard" | "separate") =>
      withTenant(orgId, (tx) =>
        tx.insert(purposes).values({
          orgId,
          code,
          name: { "zh-CN": code, en: code },
          description: { "zh-CN": code, en: code },
          bases: { PIPL: "consent" },
          consentKind,
          sensitive: true,
        }),
      );
    expect((await evidence()).separate_consent.status).toBe("no_data");
    await purpose("face_login", "separate");
    expect((await evidence()).separate_consent.status).toBe("met");
    await purpose("location_ads", "standard");
    expect((await evidence()).separate_consent).toMatchObject({
      status: "not_met",
      numerator: 1,
      denominator: 2,
    });
  });

  it("breach clocks: clocks recorded in time against clocks that passed, drills left out", async () => {
    const incident = (drill: boolean) =>
      withTenant(orgId, async (tx) => {
        const [row] = await tx
          .insert(incidents)
          .values({
            orgId,
            reference: `INC-T-${randomUUID().slice(0, 6)}`,
            summary: "Test",
            description: "Test",
            discoveredAt: new Date("2026-06-01T00:00:00Z"),
            reportedBy: officer,
            drill,
          })
          .returning({ id: incidents.id });
        return row.id;
      });
    expect((await evidence()).breach_clocks.status).toBe("no_data");
    const real = await incident(false);
    const drill = await incident(true);
    await withTenant(orgId, async (tx) => {
      await tx.insert(incidentClockMarks).values([
        {
          orgId,
          incidentId: real,
          ruleKey: "cac_report",
          outcome: "done",
          at: new Date("2026-06-01T02:00:00Z"),
          recordedBy: officer,
        },
        {
          orgId,
          incidentId: drill,
          ruleKey: "cac_report",
          outcome: "done",
          at: new Date("2026-06-01T02:00:00Z"),
          recordedBy: officer,
        },
      ]);
      await tx.insert(incidentClockAlerts).values([
        { orgId, incidentId: real, ruleKey: "gdpr_33", dueAt: new Date("2026-06-04T00:00:00Z") },
        { orgId, incidentId: drill, ruleKey: "gdpr_33", dueAt: new Date("2026-06-04T00:00:00Z") },
      ]);
    });
    expect((await evidence()).breach_clocks).toMatchObject({
      status: "not_met",
      numerator: 1,
      denominator: 2,
      details: { passed: 1 },
    });
  });

  it("audit chain: intact with no checkpoint yet is partly met, never met", async () => {
    const e = (await evidence()).audit_chain;
    expect(e.details.intact).toBe(true);
    expect(e.status).toBe("partly");
  });

  it("key rotation: the primary key's age against 365 and 455 days", async () => {
    expect((await evidence()).key_rotation.status).toBe("no_data");
    await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    const setAge = (createdAt: string) =>
      withTenant(orgId, (tx) =>
        tx
          .update(orgKeys)
          .set({ createdAt: new Date(createdAt) })
          .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.status, "primary"))),
      );
    await setAge("2026-01-01T00:00:00Z");
    expect((await evidence()).key_rotation).toMatchObject({
      status: "met",
      details: { ageDays: 165 },
    });
    await setAge("2025-04-01T00:00:00Z");
    expect((await evidence()).key_rotation.status).toBe("partly");
    await setAge("2024-01-01T00:00:00Z");
    expect((await evidence()).key_rotation.status).toBe("not_met");
  });

  it("training: members with nothing open among those assigned, late ones counted", async () => {
    expect((await evidence()).training_completion.status).toBe("no_data");
    const { courseId } = await courseWithQuestions(orgId, officer);
    await withTenant(orgId, (tx) =>
      tx.insert(trainingAssignments).values([
        {
          orgId,
          courseId,
          userId: employees[0],
          reason: "rule",
          dueOn: "2026-07-01",
          completedAt: now,
        },
        { orgId, courseId, userId: employees[1], reason: "rule", dueOn: "2026-06-01" },
      ]),
    );
    expect((await evidence()).training_completion).toMatchObject({
      status: "not_met",
      numerator: 1,
      denominator: 2,
      details: { overdue: 1, courses: 1 },
    });
  });

  it("audit cycle: a vault of 10 million or fewer is not bound by the two-year rule", async () => {
    expect((await evidence()).audit_cycle).toMatchObject({
      status: "met",
      details: { required: false, individuals: 0 },
    });
  });
});

describe("evaluation", () => {
  it("stores one result per control and day with one audit event, and keeps earlier days as the trend", async () => {
    const run = (at: Date) =>
      inTenant(orgId, jobActor("control-evaluation"), (ctx) => evaluateControls(ctx, at));
    await run(new Date("2026-06-14T04:00:00Z"));
    await run(now);
    await run(now);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "control.evaluated",
      actorType: "system",
      actorId: "control-evaluation-job",
    });
    const rows = await withTenant(orgId, (tx) =>
      tx.select().from(controlEvaluations).where(eq(controlEvaluations.orgId, orgId)),
    );
    expect(rows).toHaveLength(9 * 2);
    const history = await withTenant(orgId, (tx) =>
      evaluationHistory(tx, orgId, { controlId: "key_rotation", today: "2026-06-15" }),
    );
    expect(history.map((h) => h.evaluatedOn)).toEqual(["2026-06-14", "2026-06-15"]);
  });
});
