import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { tenantContext } from "@/lib/core/tenancy/context";
import { seedPolicies } from "@/db/seed/policies";
import { seedVendors } from "@/db/seed/vendors";
import {
  apiKeys,
  incidentAffectedCustomers,
  incidentAffectedSets,
  incidentClockAlerts,
  incidentNotices,
  incidentEvidenceFiles,
  incidentRegulatorReports,
  incidentReviews,
  incidentRisks,
  incidentTasks,
  incidentTimelineEntries,
  incidentClockMarks,
  incidentClockRules,
  incidentSettings,
  incidents,
  riskFindings,
  risks,
  riskVendors,
  securityAssessmentReports,
  securityAssessments,
  securityFindings,
  securityTestSettings,
  consentBatches,
  consentDailyCounts,
  consentPurposeSnapshots,
  consentRollupState,
  dataSubjectRequests,
  requestEvents,
  requestExports,
  requestRectifications,
  requestVendorTasks,
  vendors as vendorsTable,
  workingCalendars,
  calendarReminders,
  consentEvents,
  consentState,
  customerImports,
  invitations,
  messageOutbox,
  policyAcknowledgements,
  policyVersions,
  portalChallenges,
  purposes,
  departments,
  idempotencyKeys,
  keyRotations,
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
  trainingAssignments,
  trainingAttempts,
  trainingCertificates,
  trainingCourses,
  trainingLessons,
  trainingPolicyTriggers,
  trainingQuestions,
  trainingRules,
} from "@/db/schema";
import { createCheckpoint } from "@/lib/core/audit/checkpoint";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { recordAudit } from "@/lib/core/audit/record";
import { upsertCustomers } from "@/lib/customers/commands";
import { createMember, createOrg } from "./factories";
import { createAudit, stepAudit } from "@/lib/compliance-audits/commands";
import { evaluateControls } from "@/lib/controls/evaluate";
import { createSystem } from "@/lib/systems/commands";
import { complianceAuditFindings } from "@/db/schema";

/**
 * Two organisations with at least one row in every tenant table. A module that adds a tenant
 * table adds its rows here; the tenancy test fails until it does.
 */
export async function seedTenancyFixture(): Promise<{ orgA: string; orgB: string }> {
  const ids: string[] = [];
  for (const _ of [0, 1]) {
    const { orgId } = await createOrg();
    const employeeId = await createMember(orgId, "employee");
    await withTenant(orgId, async (tx) => {
      const system = { type: "system", id: "tenancy-test" } as const;
      const [dept] = await tx
        .insert(departments)
        .values({ orgId, name: "Legal" })
        .returning({ id: departments.id });
      await recordAudit(tx, orgId, system, {
        action: "department.created",
        targetType: "department",
        targetId: dept.id,
      });
      await seedVendors(tx, orgId, "few", system);
      // Creates the org key (org_keys) and one subject's data key (data_keys).
      await dataKeyFor(tx, orgId, randomUUID());
      const [customer] = await upsertCustomers(tx, orgId, [
        { externalRef: "tenancy-1", phone: "+8613800138000" },
      ]);
      await seedVaultRows(tx, orgId, customer.id);
      await seedPolicies(tx, orgId, "few", system);
      await seedConsentRows(tx, orgId, customer.id, employeeId);
      const [invitation] = await tx
        .insert(invitations)
        .values({
          orgId,
          email: "invited@test.example",
          name: "Invited",
          role: "employee",
          invitedBy: employeeId,
          tokenHash: randomUUID(),
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning({ id: invitations.id });
      await tx.insert(messageOutbox).values({
        orgId,
        invitationId: invitation.id,
        channel: "email",
        template: "invitation",
        locale: "zh-CN",
        recipientMasked: "i***@test.example",
        recipientEnc: Buffer.from("sealed"),
        bodyEnc: Buffer.from("sealed"),
      });
      await seedRequestRows(tx, orgId, customer.id);
      await seedSecurityAndRiskRows(tx, orgId, employeeId);
      await seedIncidentRows(tx, orgId, employeeId);
      await seedIncidentResponseRows(tx, orgId, employeeId);
      await seedTrainingRows(tx, orgId, employeeId);
      await seedProgrammeRows(tx, orgId, employeeId, dept.id);
      await createCheckpoint(tenantContext(tx, orgId, system));
    });
    ids.push(orgId);
  }
  return { orgA: ids[0], orgB: ids[1] };
}

/** One row in each security-test and risk table, written directly. */
async function seedSecurityAndRiskRows(tx: Tx, orgId: string, ownerId: string): Promise<void> {
  const [vendor] = await tx
    .select({ id: vendorsTable.id })
    .from(vendorsTable)
    .where(eq(vendorsTable.orgId, orgId))
    .limit(1);
  const [assessment] = await tx
    .insert(securityAssessments)
    .values({
      orgId,
      kind: "penetration_test",
      title: "Pen test",
      scope: "App",
      testerVendorId: vendor.id,
      startedOn: "2026-01-05",
    })
    .returning({ id: securityAssessments.id });
  await tx.insert(securityAssessmentReports).values({
    orgId,
    assessmentId: assessment.id,
    fileName: "report.pdf",
    kind: "pdf",
    size: 5,
    content: Buffer.from("%PDF-"),
  });
  const [finding] = await tx
    .insert(securityFindings)
    .values({
      orgId,
      assessmentId: assessment.id,
      title: "XSS",
      priority: "P2",
      foundOn: "2026-01-06",
      dueOn: "2026-02-05",
      ownerId,
    })
    .returning({ id: securityFindings.id });
  await tx
    .insert(securityTestSettings)
    .values({ orgId, p1Days: 7, p2Days: 30, p3Days: 90, p4Days: 180 });
  const [risk] = await tx
    .insert(risks)
    .values({
      orgId,
      title: "Leak",
      ownerId,
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 2,
      residualImpact: 4,
      residualScore: 8,
      treatment: "mitigate",
      reviewOn: "2026-06-01",
    })
    .returning({ id: risks.id });
  await tx.insert(riskFindings).values({ orgId, riskId: risk.id, findingId: finding.id });
  await tx.insert(riskVendors).values({ orgId, riskId: risk.id, vendorId: vendor.id });
}

/** One row in each vault table, written directly (the modules' own tests cover their logic). */
async function seedVaultRows(tx: Tx, orgId: string, customerId: string): Promise<void> {
  const userId = randomUUID();
  const [merchant] = await tx
    .insert(merchants)
    .values({ orgId, externalRef: "m-1", name: "Shop" })
    .returning({ id: merchants.id });
  const [voucher] = await tx
    .insert(vouchers)
    .values({
      orgId,
      externalRef: "v-1",
      merchantId: merchant.id,
      ownerId: customerId,
      title: "Deal",
      faceValueCents: 10000,
      pricePaidCents: 8000,
      purchasedAt: new Date(),
    })
    .returning({ id: vouchers.id });
  const [listing] = await tx
    .insert(transferListings)
    .values({
      orgId,
      externalRef: "l-1",
      voucherId: voucher.id,
      sellerId: customerId,
      askingPriceCents: 7000,
    })
    .returning({ id: transferListings.id });
  await tx.insert(transferOrders).values({
    orgId,
    externalRef: "o-1",
    listingId: listing.id,
    voucherId: voucher.id,
    buyerId: customerId,
    sellerId: customerId,
    priceCents: 7000,
  });
  await tx.insert(paymentAccounts).values({
    orgId,
    customerId,
    externalRef: "p-1",
    type: "alipay",
    identifierMasked: "****",
    identifierEnc: Buffer.from("sealed"),
  });
  const [key] = await tx
    .insert(apiKeys)
    .values({
      orgId,
      name: "Backend",
      prefix: randomUUID().slice(0, 12),
      secretHash: "0".repeat(64),
      scopes: ["customers:read"],
      createdBy: userId,
    })
    .returning({ id: apiKeys.id });
  await tx.insert(idempotencyKeys).values({
    orgId,
    apiKeyId: key.id,
    key: "k-1",
    requestHash: "0".repeat(64),
    status: 200,
    body: {},
  });
  await tx
    .insert(customerImports)
    .values({ orgId, fileName: "customers.csv", mapping: {}, createdBy: userId });
  await tx
    .insert(keyRotations)
    .values({ orgId, toVersion: 1, status: "completed", startedBy: userId });
}

/** One row in each consent, outbox and acknowledgement table, written directly. */
async function seedConsentRows(
  tx: Tx,
  orgId: string,
  customerId: string,
  userId: string,
): Promise<void> {
  const text = { "zh-CN": "营销短信", en: "Marketing SMS" };
  const [purpose] = await tx
    .insert(purposes)
    .values({
      orgId,
      code: "marketing_sms",
      name: text,
      description: text,
      bases: { PIPL: "consent" },
      consentKind: "standard",
    })
    .returning({ id: purposes.id });
  const [batch] = await tx
    .insert(consentBatches)
    .values({ orgId, source: "platform_api", eventCount: 1, merkleRoot: "0".repeat(64) })
    .returning({ id: consentBatches.id });
  const occurredAt = new Date().toISOString();
  const [event] = await tx
    .insert(consentEvents)
    .values({
      orgId,
      customerId,
      purposeId: purpose.id,
      action: "grant",
      channel: "app",
      source: "platform_api",
      occurredAt,
      batchId: batch.id,
      batchSeq: 0,
      contentHash: Buffer.alloc(32),
    })
    .returning({ id: consentEvents.id });
  await tx.insert(consentState).values({
    orgId,
    customerId,
    purposeId: purpose.id,
    status: "granted",
    eventId: event.id,
    occurredAt,
  });
  await tx.insert(consentDailyCounts).values({
    orgId,
    recordedOn: "2026-01-05",
    occurredOn: "2026-01-05",
    purposeId: purpose.id,
    action: "grant",
    gpc: false,
    count: 1,
  });
  await tx
    .insert(consentPurposeSnapshots)
    .values({ orgId, purposeId: purpose.id, granted: 1, denied: 0, withdrawn: 0 });
  await tx.insert(consentRollupState).values({
    orgId,
    countedUntil: "2026-01-06T00:00:00+08:00",
    gpcCustomers: 0,
    snapshotAt: occurredAt,
  });
  await tx.insert(messageOutbox).values({
    orgId,
    customerId,
    channel: "sms",
    template: "portal.code",
    locale: "zh-CN",
    recipientMasked: "138****8000",
    recipientEnc: Buffer.from("sealed"),
    bodyEnc: Buffer.from("sealed"),
  });
  await tx.insert(portalChallenges).values({
    orgId,
    customerId,
    purpose: "preferences",
    channel: "sms",
    codeHash: "0".repeat(64),
    expiresAt: new Date(Date.now() + 600_000),
  });
  const [version] = await tx.select({ id: policyVersions.id }).from(policyVersions).limit(1);
  await tx.insert(policyAcknowledgements).values({ orgId, versionId: version.id, userId });
}

/** One row in each data-subject request table, written directly. */
async function seedRequestRows(tx: Tx, orgId: string, customerId: string): Promise<void> {
  const [request] = await tx
    .insert(dataSubjectRequests)
    .values({
      orgId,
      reference: "R-2026-000001",
      type: "erasure",
      law: "PIPL",
      laws: ["PIPL"],
      customerId,
      channel: "portal",
      clockTerms: {
        gdprTimeZone: "Europe/Brussels",
        piplPeriod: { amount: 15, unit: "working_days" },
      },
      receivedAt: new Date("2026-02-12T00:00:00+08:00"),
      receivedOn: "2026-02-12",
      trackingTokenHash: randomUUID(),
    })
    .returning({ id: dataSubjectRequests.id });
  const requestId = request.id;
  await tx.insert(requestEvents).values({ orgId, requestId, kind: "created" });
  const [vendor] = await tx.select({ id: vendorsTable.id }).from(vendorsTable).limit(1);
  await tx.insert(requestVendorTasks).values({ orgId, requestId, vendorId: vendor.id });
  await tx.insert(requestExports).values({ orgId, requestId });
  await tx.insert(requestRectifications).values({ orgId, requestId, field: "email" });
  await tx.insert(workingCalendars).values({ orgId, year: 2027, holidays: [] });
  await tx.insert(calendarReminders).values({ orgId, year: 2028 });
}

/** One row in each incident table, written directly. */
async function seedIncidentRows(tx: Tx, orgId: string, userId: string): Promise<void> {
  const [incident] = await tx
    .insert(incidents)
    .values({
      orgId,
      reference: "INC-2026-0001",
      summary: "Leak",
      description: "Log",
      discoveredAt: new Date("2026-02-12T00:00:00+08:00"),
      reportedBy: userId,
    })
    .returning({ id: incidents.id });
  await tx.insert(incidentClockRules).values({
    orgId,
    key: "own_rule",
    law: "HK",
    recipient: "PCPD",
    trigger: {},
    startEvent: "discovered",
    source: "PDPO",
    createdBy: userId,
  });
  await tx.insert(incidentClockMarks).values({
    orgId,
    incidentId: incident.id,
    ruleKey: "cac_report",
    outcome: "done",
    at: new Date(),
    recordedBy: userId,
  });
  await tx
    .insert(incidentClockAlerts)
    .values({ orgId, incidentId: incident.id, ruleKey: "gdpr_33", dueAt: new Date() });
  await tx.insert(incidentSettings).values({ orgId, ciiOperator: true });
  const [set] = await tx
    .insert(incidentAffectedSets)
    .values({ orgId, incidentId: incident.id, criteria: { kind: "everyone" }, createdBy: userId })
    .returning({ id: incidentAffectedSets.id });
  await tx
    .insert(incidentAffectedCustomers)
    .values({ orgId, setId: set.id, customerId: randomUUID() });
  await tx
    .insert(incidentNotices)
    .values({ orgId, incidentId: incident.id, setId: set.id, texts: {}, createdBy: userId });
}

/** One row in each incident response table (reports, tasks, timeline, evidence, review, risk links). */
async function seedIncidentResponseRows(tx: Tx, orgId: string, userId: string): Promise<void> {
  const [incident] = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(eq(incidents.orgId, orgId));
  const [risk] = await tx.select({ id: risks.id }).from(risks).where(eq(risks.orgId, orgId));
  const incidentId = incident.id;
  await tx.insert(incidentRegulatorReports).values({
    orgId,
    incidentId,
    kind: "cac",
    version: 1,
    stage: "initial",
    facts: {},
    content: { contact: "x" },
    preparedBy: userId,
  });
  await tx.insert(incidentTasks).values({
    orgId,
    incidentId,
    title: "Task",
    ownerId: userId,
    dueOn: "2026-12-31",
    createdBy: userId,
  });
  const [entry] = await tx
    .insert(incidentTimelineEntries)
    .values({ orgId, incidentId, occurredAt: new Date(), note: "Note", createdBy: userId })
    .returning({ id: incidentTimelineEntries.id });
  await tx.insert(incidentEvidenceFiles).values({
    orgId,
    entryId: entry.id,
    fileName: "e.txt",
    kind: "text",
    size: 1,
    content: Buffer.from("x"),
  });
  await tx
    .insert(incidentReviews)
    .values({ orgId, incidentId, cause: "c", whatWorked: "w", lessons: "l", completedBy: userId });
  await tx.insert(incidentRisks).values({ orgId, incidentId, riskId: risk.id });
}

/** One row in each training table, written directly. */
async function seedTrainingRows(tx: Tx, orgId: string, userId: string): Promise<void> {
  const text = { "zh-CN": "课程", en: "Course" };
  const [course] = await tx
    .insert(trainingCourses)
    .values({ orgId, code: "pipl", title: text, description: text })
    .returning({ id: trainingCourses.id });
  const courseId = course.id;
  await tx
    .insert(trainingLessons)
    .values({ orgId, courseId, position: 1, title: text, body: text });
  const [question] = await tx
    .insert(trainingQuestions)
    .values({
      orgId,
      courseId,
      position: 1,
      kind: "single",
      prompt: text,
      explanation: text,
      options: [{ text, correct: true }],
    })
    .returning({ id: trainingQuestions.id });
  const [rule] = await tx
    .insert(trainingRules)
    .values({ orgId, courseId, scope: "everyone" })
    .returning({ id: trainingRules.id });
  const [assignment] = await tx
    .insert(trainingAssignments)
    .values({ orgId, courseId, userId, ruleId: rule.id, reason: "rule", dueOn: "2026-12-31" })
    .returning({ id: trainingAssignments.id });
  const [attempt] = await tx
    .insert(trainingAttempts)
    .values({
      orgId,
      courseId,
      userId,
      assignmentId: assignment.id,
      drawn: [{ questionId: question.id, optionOrder: [0] }],
      passMark: 80,
    })
    .returning({ id: trainingAttempts.id });
  await tx.insert(trainingCertificates).values({
    orgId,
    courseId,
    userId,
    attemptId: attempt.id,
    code: "ABCD-EFGH-JKMN",
    holderInitial: "T",
    score: 100,
  });
  await tx
    .insert(trainingPolicyTriggers)
    .values({ orgId, courseId, policyVersionId: randomUUID(), assigned: 0 });
}

/** Systems, computed controls and a running compliance audit (checklist, evidence, a finding). */
async function seedProgrammeRows(
  tx: Tx,
  orgId: string,
  userId: string,
  departmentId: string,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, { type: "system", id: "tenancy-test" });
  await createSystem(ctx, {
    name: "订单数据库",
    kind: "database",
    hostingLocation: "上海",
    country: "CN",
    dataCategories: ["contact"],
    purposeIds: [],
    securityMeasures: [],
  });
  await evaluateControls(ctx);
  const auditId = await createAudit(ctx, {
    title: "年度合规审计",
    kind: "routine",
    scope: "全部",
    laws: ["PIPL"],
    auditorType: "internal",
    auditorUserId: userId,
    plannedStart: "2026-12-01",
    plannedEnd: "2026-12-31",
  });
  await stepAudit(ctx, { auditId, step: "start" });
  await tx.insert(complianceAuditFindings).values({
    orgId,
    auditId,
    severity: "minor",
    title: "发现",
    ownerDepartmentId: departmentId,
    ownerId: userId,
    correctiveAction: "整改",
    dueOn: "2027-01-31",
  });
}
