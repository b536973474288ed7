import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, memberships, organizations, purposes } from "@/db/schema";
import type { ConsentAction, ConsentChannel, ConsentSource } from "@/db/schema/consent";
import { recordAudit, type AuditActor } from "@/lib/core/audit/record";
import { offeredTo } from "@/lib/consent/decide";
import { recordConsentBatch, type ConsentEventInput } from "@/lib/consent/record";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { between, pick, prng } from "./people";

type Size = "full" | "few";
const DAY = 86_400_000;
const HISTORY_DAYS = 120;
const BATCH = 500;

type Purpose = typeof purposes.$inferSelect;
type Customer = { id: string; externalRef: string; laws: string[]; region: string | null };

const userAgents = {
  app: [
    "PrivacyDeskDemo/5.2 (iPhone; iOS 18.1)",
    "PrivacyDeskDemo/5.2 (Android 15; Xiaomi 14)",
    "PrivacyDeskDemo/5.1 (Android 14; HUAWEI P60)",
  ],
  mini_program: [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) MicroMessenger/8.0.54 MiniProgramEnv/iOS",
  ],
  web: [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36",
  ],
} as const;

/** Staff entries: what a customer asked for at a counter or on the phone, as a reason would say it. */
const staffReasons = [
  "客户致电客服热线要求停止发送营销短信，已通过账户信息核实身份。",
  "客户在线下门店当面撤回个性化推荐的同意，已核对实名信息。",
  "客户来电表示愿意重新接收优惠活动短信，已核实身份后代为记录。",
  "Customer wrote to support asking to stop marketing messages; identity checked against the account.",
];

const isMarketing = (p: Purpose) => /marketing|promo|push|sms/.test(p.code);
const isRecommendation = (p: Purpose) => /recommend|personal/.test(p.code);

/** A purpose a CCPA customer may opt out of (sale or sharing), which PIPL and GDPR customers must grant. */
const optOutUnderCcpa = (p: Purpose) => p.bases.CCPA === "opt_out";

/** How likely a customer is to grant this purpose at signup (a CCPA customer is not asked about an opt-out one: "granted" is its default). */
function grantOdds(p: Purpose, ccpa: boolean): number {
  if (optOutUnderCcpa(p)) return ccpa ? 1 : 0.35;
  if (isMarketing(p)) return 0.62;
  if (isRecommendation(p)) return 0.78;
  if (p.sensitive) return 0.48;
  return 0.86;
}

const noticeHash = (p: Purpose, locale: string) =>
  createHash("sha256")
    .update(locale === "en" ? p.description.en : p.description["zh-CN"])
    .digest("hex");

/**
 * Demo consent receipts over the last ~120 days, written through recordConsentBatch in batches
 * (so each has its Merkle root in the audit chain): grants and denials at signup via the app or
 * mini program, later withdrawals of marketing, re-grants, GPC opt-outs for the CCPA customers
 * (u-30001 among them) and a few staff entries on a customer's behalf. u-10001 (张伟) grants
 * every optional purpose and withdraws nothing, so a demo can withdraw one. Needs the purposes seed.
 */
export async function seedConsent(
  tx: Tx,
  orgId: string,
  size: Size,
  actor: AuditActor,
  now = new Date(),
): Promise<{ events: number; batches: number }> {
  const catalogue = await tx
    .select()
    .from(purposes)
    .where(
      and(eq(purposes.orgId, orgId), isNull(purposes.archivedAt), eq(purposes.required, false)),
    )
    .orderBy(asc(purposes.code));
  if (catalogue.length === 0) return { events: 0, batches: 0 };
  const [org] = await tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const people: Customer[] = await tx
    .select({
      id: customers.id,
      externalRef: customers.externalRef,
      laws: customers.laws,
      region: customers.region,
    })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), ne(customers.status, "erased")))
    .orderBy(asc(customers.externalRef));
  const [staff] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, ["privacy_officer", "admin", "owner"]),
      ),
    )
    .orderBy(asc(memberships.role), asc(memberships.createdAt))
    .limit(1);

  const random = prng(size === "full" ? 20261129 : 4242);
  const events: ConsentEventInput[] = [];
  const at = (daysAgo: number) =>
    new Date(
      now.getTime() - daysAgo * DAY - between(random, 0, DAY / 1000 - 1) * 1000,
    ).toISOString();

  for (const person of people) {
    // u-10003 is under 14 (PIPL Art. 31): only a guardian consents for them, in the preference centre.
    if (person.externalRef === "u-10003") continue;
    const overseas = !person.laws.includes("PIPL");
    const locale = overseas ? "en" : "zh-CN";
    const channel: ConsentChannel = overseas
      ? pick(random, ["web", "app"] as const)
      : random() < 0.65
        ? "app"
        : "mini_program";
    const ua = pick(random, userAgents[channel as keyof typeof userAgents]);
    const ip = overseas
      ? `198.51.${between(random, 0, 255)}.0`
      : `223.104.${between(random, 0, 255)}.0`;
    const signup =
      person.externalRef === "u-10001" ? HISTORY_DAYS - 2 : between(random, 3, HISTORY_DAYS);
    const base = { customerId: person.id, channel, locale, ipTruncated: ip, userAgent: ua };
    const story = person.externalRef === "u-10001";
    const laws = applicableLaws(person, org.jurisdictions).laws;
    const ccpa = laws.includes("CCPA");

    for (const p of catalogue) {
      // Only what is offered under the customer's laws; cross-border storage concerns overseas
      // customers; half the others were never asked about ad sharing (so it stays denied for them).
      if (!offeredTo(laws, p.bases)) continue;
      if (p.crossBorderDestination && !overseas) continue;
      if (optOutUnderCcpa(p) && !ccpa && !story && random() < 0.5) continue;
      const granted = story || random() < grantOdds(p, ccpa);
      const signupEvent = {
        ...base,
        purposeId: p.id,
        policyVersionId: p.policyVersionId,
        noticeHash: noticeHash(p, locale),
        source: "platform_api" as ConsentSource,
      };
      events.push({ ...signupEvent, action: granted ? "grant" : "deny", occurredAt: at(signup) });
      if (story) continue;
      const later = between(random, 0, Math.max(0, signup - 1));
      if (granted && isMarketing(p) && random() < 0.22) {
        events.push({
          ...signupEvent,
          action: "withdraw",
          source: "customer",
          channel: "web",
          occurredAt: at(later),
        });
      } else if (!granted && random() < 0.12) {
        events.push({ ...signupEvent, action: "grant", source: "customer", occurredAt: at(later) });
      }
      // A browser sending Sec-GPC: 1 opts a CCPA customer out of every opt-out purpose.
      if (optOutUnderCcpa(p) && ccpa && (person.externalRef === "u-30001" || random() < 0.3)) {
        events.push({
          ...signupEvent,
          action: "withdraw",
          source: "customer",
          channel: "web",
          gpc: true,
          userAgent: userAgents.web[1],
          occurredAt: at(Math.min(later, 20)),
        });
      }
    }
  }

  // Staff entries on a customer's behalf: marketing withdrawn (or granted again) at a counter or by phone.
  const marketing = catalogue.find(isMarketing) ?? catalogue[0];
  const staffed = staff
    ? people.filter((p) => p.externalRef !== "u-10001").slice(0, size === "full" ? 5 : 2)
    : [];
  const staffEvents: ConsentEventInput[] = staffed.map((person, i) => ({
    customerId: person.id,
    purposeId: marketing.id,
    policyVersionId: marketing.policyVersionId,
    action: (i === 2 ? "grant" : "withdraw") as ConsentAction,
    channel: i % 2 === 0 ? "sms" : "offline",
    locale: "zh-CN",
    source: "staff",
    staffUserId: staff!.userId,
    staffReason: staffReasons[i % staffReasons.length],
    occurredAt: at(between(random, 0, 2)),
  }));

  const audit = async (entry: Parameters<typeof recordAudit>[3]) =>
    void (await recordAudit(tx, orgId, actor, entry));
  let batches = 0;
  for (const source of ["platform_api", "customer"] as const) {
    const ofSource = events
      .filter((e) => e.source === source)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    for (let i = 0; i < ofSource.length; i += BATCH) {
      await recordConsentBatch(tx, orgId, ofSource.slice(i, i + BATCH), audit);
      batches += 1;
    }
  }
  for (const entry of staffEvents) {
    const { batchId, receipts } = await recordConsentBatch(tx, orgId, [entry], audit);
    await audit({
      action: "consent.recorded_by_staff",
      targetType: "customer",
      targetId: entry.customerId,
      details: {
        purpose: marketing.code,
        consentAction: entry.action,
        channel: entry.channel,
        receiptId: receipts[0].id,
        batchId,
      },
    });
    batches += 1;
  }
  return { events: events.length + staffEvents.length, batches };
}
