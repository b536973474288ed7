import "server-only";
import { auditObligation } from "@/lib/compliance-audits/obligation";
import { lastCompletedAuditEnd } from "@/lib/compliance-audits/queries";
import { individualsInVault } from "@/lib/customers/vault-size";
import { chainHealth } from "@/lib/core/audit/chain-health";
import { todayIso } from "@/lib/core/dates";
import { clockRecord } from "@/lib/incidents/clock-record";
import { primaryKeyCreatedAt } from "@/lib/keys/key-age";
import { acknowledgementCoverage } from "@/lib/policies/acknowledgement-coverage";
import { sensitiveConsentPurposes } from "@/lib/purposes/separate-consent";
import { requestTimeliness } from "@/lib/requests/timeliness";
import { vendorStanding } from "@/lib/vendors/standing";
import { controlById, statusOfRate, type ControlId } from "../catalogue";
import { trainingEvidence } from "./training";
import type { Evidence, EvidenceQuery } from "./types";

const rate = (id: ControlId, numerator: number, denominator: number) =>
  statusOfRate(numerator, denominator, controlById(id)!.thresholds);
const DAY_MS = 86_400_000;

/** Each control's query: the evidence is what the product already records, counted. */
export const evidenceQueries: Record<ControlId, EvidenceQuery> = {
  training_completion: trainingEvidence,

  policy_acknowledgements: async (tx, orgId) => {
    const c = await acknowledgementCoverage(tx, orgId, null);
    return {
      status: rate("policy_acknowledgements", c.acknowledged, c.required),
      numerator: c.acknowledged,
      denominator: c.required,
      details: { documents: c.byDocument.length, people: c.byPerson.length },
    };
  },

  requests_on_time: async (tx, orgId, now) => {
    const t = await requestTimeliness(tx, orgId, todayIso(now));
    let status = rate("requests_on_time", t.onTime, t.closed);
    if (t.openOverdue > 0 && status === "met") status = "partly";
    if (t.openOverdue > 0 && status === "no_data") status = "not_met";
    return {
      status,
      numerator: t.onTime,
      denominator: t.closed,
      details: { openOverdue: t.openOverdue },
    };
  },

  breach_clocks: async (tx, orgId, now) => {
    const r = await clockRecord(tx, orgId, new Date(now.getTime() - 365 * DAY_MS));
    const due = r.metInTime + r.passed;
    return {
      status: rate("breach_clocks", r.metInTime, due),
      numerator: r.metInTime,
      denominator: due,
      details: { passed: r.passed },
    };
  },

  vendors_reviewed: async (tx, orgId) => {
    const v = await vendorStanding(tx, orgId);
    return {
      status: rate("vendors_reviewed", v.inOrder, v.active),
      numerator: v.inOrder,
      denominator: v.active,
      details: { reviewsOverdue: v.reviewsOverdue, agreementMissing: v.dpaMissing },
    };
  },

  separate_consent: async (tx, orgId) => {
    const p = await sensitiveConsentPurposes(tx, orgId);
    return {
      status: rate("separate_consent", p.separate, p.sensitive),
      numerator: p.separate,
      denominator: p.sensitive,
      details: {},
    };
  },

  audit_chain: async (tx, orgId, now) => {
    const h = await chainHealth(tx, orgId, now);
    const intact = !h.anchorProblem;
    const status: Evidence["status"] = !intact
      ? "not_met"
      : h.checkpointOverdue || !h.lastCheckpoint
        ? "partly"
        : "met";
    return {
      status,
      numerator: null,
      denominator: null,
      details: {
        intact,
        checkpointOverdue: h.checkpointOverdue,
        lastCheckpointSeq: h.lastCheckpoint?.seq ?? 0,
        headSeq: h.headSeq,
      },
    };
  },

  key_rotation: async (tx, orgId, now): Promise<Evidence> => {
    const created = await primaryKeyCreatedAt(tx, orgId);
    if (!created) return { status: "no_data", numerator: null, denominator: null, details: {} };
    const days = Math.floor((now.getTime() - created.getTime()) / DAY_MS);
    const { met, partly } = controlById("key_rotation")!.thresholds;
    return {
      status: days <= met ? "met" : days <= partly ? "partly" : "not_met",
      numerator: null,
      denominator: null,
      details: { ageDays: days },
    };
  },

  audit_cycle: async (tx, orgId, now) => {
    const today = todayIso(now);
    const o = auditObligation(
      await individualsInVault(tx, orgId),
      await lastCompletedAuditEnd(tx, orgId),
      today,
    );
    return {
      status: !o.required || (o.nextDueOn !== null && o.nextDueOn > today) ? "met" : "not_met",
      numerator: null,
      denominator: null,
      details: {
        required: o.required,
        individuals: o.individuals,
        ...(o.lastAuditEnd && { lastAuditEnd: o.lastAuditEnd }),
        ...(o.nextDueOn && { nextDueOn: o.nextDueOn }),
      },
    };
  },
};
