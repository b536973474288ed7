import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentEvents, purposes, type ConsentAction } from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";
import { lockChain } from "@/lib/core/audit/record";
import { customerContext } from "@/lib/core/tenancy/context";
import { AppError } from "@/lib/core/errors";
import { recordConsentBatch, truncateIp, type ConsentEventInput } from "@/lib/consent/record";
import { customerConsent, customerStanding } from "@/lib/consent/state";
import { verifiedGuardians } from "./guardian";

/** How many receipts the preference center lists (newest first). */
export const RECEIPTS_SHOWN = 50;

/** Where a change came from, as the receipt records it. */
export interface VisitContext {
  locale: "zh-CN" | "en";
  ip: string | null;
  userAgent: string | null;
}

/**
 * Each purpose offered to the customer as they see it: the consent core's current state and the
 * decision under their laws (`allowed`, `law`, `article`, as the check endpoint decides it),
 * how their choice works under those laws (`choice`: what the card explains and which buttons it
 * shows), with the separate-consent grounds, destination and the version of the notice a new
 * choice would be given under. Purposes with no basis under one of their laws are left out.
 */
export async function customerPreferences(tx: Tx, orgId: string, customerId: string) {
  const { standing, purposes: states } = await customerConsent(tx, orgId, customerId);
  const ccpa = standing.laws.includes("CCPA");
  const extras = new Map(
    (
      await tx
        .select({
          id: purposes.id,
          separateGrounds: purposes.separateGrounds,
          crossBorderDestination: purposes.crossBorderDestination,
          policyVersionId: purposes.policyVersionId,
        })
        .from(purposes)
        .where(and(eq(purposes.orgId, orgId), isNull(purposes.archivedAt)))
    ).map((p) => [p.id, p]),
  );
  // The choices first; what cannot be refused here (required purposes) after them.
  const ordered = [...states.filter((s) => !s.required), ...states.filter((s) => s.required)];
  return ordered.flatMap((state) => {
    const extra = extras.get(state.purposeId);
    if (!extra || !state.choice) return [];
    return [
      {
        id: state.purposeId,
        code: state.code,
        name: state.name,
        description: state.description,
        kind: state.consentKind,
        choice: state.choice,
        required: state.required,
        sensitive: state.sensitive,
        status: state.status,
        gpc: state.gpc,
        allowed: state.allowed,
        reason: state.reason,
        law: state.law,
        article: state.article,
        reconsentRequired: state.reconsentRequired,
        /** Only a verified guardian's grant counts for it (the child may still refuse). */
        guardianNeeded: state.guardianNeeded,
        /** Whether the customer can change it here: not required, and refusable under their laws. */
        changeable: !state.required && state.choice.model !== "none",
        /** An opt-out of sale or sharing under CCPA, which a Global Privacy Control signal makes. */
        gpcOptOut: ccpa && state.bases.CCPA === "opt_out" && !state.required,
        separateGrounds: extra.separateGrounds,
        crossBorderDestination: extra.crossBorderDestination,
        policyVersionId: extra.policyVersionId,
      },
    ];
  });
}
export type PreferenceRow = Awaited<ReturnType<typeof customerPreferences>>[number];

/** The customer's own receipts: no staff names, no network data, only what they decided and how. */
export async function customerReceipts(tx: Tx, orgId: string, customerId: string) {
  return tx
    .select({
      id: consentEvents.id,
      occurredAt: consentEvents.occurredAt,
      purposeName: purposes.name,
      action: consentEvents.action,
      channel: consentEvents.channel,
      source: consentEvents.source,
      gpc: consentEvents.gpc,
      byGuardian: consentEvents.byGuardian,
    })
    .from(consentEvents)
    .innerJoin(
      purposes,
      and(eq(purposes.orgId, consentEvents.orgId), eq(purposes.id, consentEvents.purposeId)),
    )
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.customerId, customerId)))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.recordedAt), desc(consentEvents.id))
    .limit(RECEIPTS_SHOWN);
}

/** SHA-256 of the notice the customer saw: the purpose's name and description in their language. */
export const noticeHash = (
  name: LocalizedText,
  description: LocalizedText,
  locale: VisitContext["locale"],
) => createHash("sha256").update(`${name[locale]}\n\n${description[locale]}`, "utf8").digest("hex");

async function record(
  tx: Tx,
  orgId: string,
  customerId: string,
  events: Array<Omit<ConsentEventInput, "customerId" | "source" | "channel" | "occurredAt">>,
) {
  const occurredAt = new Date().toISOString();
  return recordConsentBatch(
    tx,
    orgId,
    events.map((e) => ({ ...e, customerId, source: "customer", channel: "web", occurredAt })),
    customerContext(tx, orgId, customerId).audit,
  );
}

const contextFields = (visit: VisitContext) => ({
  locale: visit.locale,
  ipTruncated: truncateIp(visit.ip),
  userAgent: visit.userAgent?.slice(0, 512) ?? null,
});

/**
 * One click in the preference center: grant, or refuse (withdraw a grant, deny otherwise; an
 * opt-out or an objection). Only a purpose offered to the customer that they can refuse under their
 * laws can be changed here (not a required one, nor one on contract or notice). A minor cannot
 * grant by themselves what their law leaves to a guardian (PIPL Art. 31 under 14; GDPR Art. 8
 * under the organisation's age; CCPA §1798.120(c) under 13): their guardian does, with a guardian
 * challenge verified in the last 30 minutes, and the receipt is the guardian's. A Californian of
 * 13 to 15 opts in to a sale or sharing themselves. Refusing is always open to the child too
 * (PIPL Art. 15, GDPR Art. 7(3)). Returns the receipt id.
 */
export async function changePreference(
  tx: Tx,
  orgId: string,
  customerId: string,
  input: { purposeId: string; choice: "grant" | "refuse"; guardianChallengeId?: string | null },
  visit: VisitContext,
): Promise<string> {
  const guardianChallengeId = input.guardianChallengeId ?? null;
  if (
    guardianChallengeId &&
    (await verifiedGuardians(tx, orgId, [guardianChallengeId])).get(guardianChallengeId) !==
      customerId
  ) {
    throw new AppError("forbidden", undefined, "guardianExpired");
  }
  const row = (await customerPreferences(tx, orgId, customerId)).find(
    (p) => p.id === input.purposeId,
  );
  if (!row?.changeable) throw new AppError("notFound");
  if (!guardianChallengeId && input.choice === "grant" && row.guardianNeeded)
    throw new AppError("forbidden", undefined, "guardianRequired");
  const action: ConsentAction =
    input.choice === "grant" ? "grant" : row.status === "granted" ? "withdraw" : "deny";
  const { receipts } = await record(tx, orgId, customerId, [
    {
      purposeId: input.purposeId,
      action,
      policyVersionId: row.policyVersionId,
      guardianChallengeId,
      noticeHash: noticeHash(row.name, row.description, visit.locale),
      ...contextFields(visit),
    },
  ]);
  return receipts[0].id;
}

/**
 * Global Privacy Control (`Sec-GPC: 1`): for a customer under CCPA, an opt-out of every purpose
 * that is a sale or sharing there (CCPA basis opt-out) and still allowed, recorded with the GPC
 * flag — withdrawn where they had granted, denied otherwise (11 CCR §7025). PIPL and GDPR give the
 * signal no effect: there such a purpose needs consent, and stays denied until granted.
 * Idempotent: a second request with the signal records nothing.
 * Returns whether the signal applies to the customer (they are under CCPA) and how many opt-outs
 * were recorded (0 when nothing was left to opt out of).
 */
export async function honourGpc(
  tx: Tx,
  orgId: string,
  customerId: string,
  visit: VisitContext,
): Promise<{ applies: boolean; recorded: number }> {
  if (!(await customerStanding(tx, orgId, customerId)).laws.includes("CCPA"))
    return { applies: false, recorded: 0 };
  // The chain lock first: two requests at once (a prefetch and the page) then record it once.
  await lockChain(tx, orgId);
  // A grant the customer gave after GPC was recorded for that purpose is their explicit choice
  // over the browser's default (CCPA regs § 7025(c)(3)): it stands.
  const signalled = new Set(
    (
      await tx
        .selectDistinct({ purposeId: consentEvents.purposeId })
        .from(consentEvents)
        .where(
          and(
            eq(consentEvents.orgId, orgId),
            eq(consentEvents.customerId, customerId),
            eq(consentEvents.gpc, true),
          ),
        )
    ).map((r) => r.purposeId),
  );
  const open = (await customerPreferences(tx, orgId, customerId)).filter(
    (p) => p.gpcOptOut && p.allowed && !(p.status === "granted" && signalled.has(p.id)),
  );
  if (open.length === 0) return { applies: true, recorded: 0 };
  await record(
    tx,
    orgId,
    customerId,
    open.map((p) => ({
      purposeId: p.id,
      action: p.status === "granted" ? "withdraw" : "deny",
      gpc: true,
      policyVersionId: p.policyVersionId,
      noticeHash: noticeHash(p.name, p.description, visit.locale),
      ...contextFields(visit),
    })),
  );
  return { applies: true, recorded: open.length };
}
