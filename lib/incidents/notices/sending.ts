import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentNotices, incidents, organizations } from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import { existingDataKeys } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { jobActor } from "@/lib/core/jobs/job";
import { log } from "@/lib/core/log/logger";
import { inTenant, type TenantContext } from "@/lib/core/tenancy/context";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { fieldContext } from "@/lib/customers/fields";
import { todayIso } from "@/lib/core/dates";
import { enqueueCustomerMessages, type BatchMessage } from "@/lib/outbox/enqueue-batch";
import type { MessageLocale } from "@/lib/outbox/templates";
import { noticeLocale } from "./content";
import { renderNotice, type NoticeFacts } from "./preview";

/** People per transaction: their messages, their rows' message ids and the notice's counts commit together. */
export const NOTICE_BATCH = 5_000;
const actor = jobActor("incident-notice");

type Notice = typeof incidentNotices.$inferSelect;
const byId = (orgId: string, id: string) =>
  and(eq(incidentNotices.orgId, orgId), eq(incidentNotices.id, id));

async function lockSending(tx: Tx, orgId: string, id: string) {
  const [row] = await tx.select().from(incidentNotices).where(byId(orgId, id)).for("update");
  return row?.status === "sending" ? row : undefined;
}

type Person = {
  customer_id: string;
  status: string;
  laws: string[];
  region: string | null;
  phone_enc: Buffer | null;
  email_enc: Buffer | null;
  earlier: boolean;
};

/** The next people of the selection after the cursor, with what a notice needs from the vault. */
async function nextPeople(tx: Tx, notice: Notice, size: number, earlierNotices: boolean) {
  const earlier = earlierNotices
    ? sql`exists (select 1 from incident_affected_customers e join incident_notices n on n.org_id = e.org_id and n.set_id = e.set_id
        where e.org_id = a.org_id and e.customer_id = a.customer_id and n.incident_id = ${notice.incidentId} and n.id <> ${notice.id} and e.message_id is not null)`
    : sql`false`;
  const rows = await tx.execute<Person>(sql`
    select a.customer_id, c.status, c.laws, c.region, c.phone_enc, c.email_enc, ${earlier} as earlier
    from incident_affected_customers a join customers c on c.org_id = a.org_id and c.id = a.customer_id
    where a.org_id = ${notice.orgId} and a.set_id = ${notice.setId}
      and (${notice.cursor}::uuid is null or a.customer_id > ${notice.cursor}::uuid)
    order by a.customer_id limit ${size}`);
  return rows.rows;
}

/** Renders each law's notice once per channel: the text is the same for everyone under it. */
function noticeRenderer(facts: NoticeFacts) {
  const cache = new Map<string, { subject: string | null; body: string; locale: MessageLocale }>();
  return (law: CustomerLaw, channel: "sms" | "email") => {
    const key = `${law}:${channel}`;
    let rendered = cache.get(key);
    if (!rendered) {
      const locale = noticeLocale(law);
      cache.set(key, (rendered = { ...renderNotice(law, locale, channel, facts), locale }));
    }
    return rendered;
  };
}

async function failNotice(ctx: TenantContext, notice: Notice, reason: string) {
  await ctx.tx
    .update(incidentNotices)
    .set({ status: "failed", finishedAt: sql`now()` })
    .where(byId(ctx.orgId, notice.id));
  await ctx.audit({
    action: "incident.notice_failed",
    targetType: "incident",
    targetId: notice.incidentId,
    details: { notice: notice.id, reason },
  });
}

/**
 * One step of a notice, in its own transaction: the next people's messages (email where one is on
 * file, else SMS; erased people and people an earlier notice reached get none), their rows
 * pointing at them, the counts and the position, and an audit event with the counts. The
 * incident is read again each step: one made a drill since stops here, having told nobody more.
 */
async function noticeStep(orgId: string, noticeId: string, size: number): Promise<boolean> {
  return inTenant(orgId, actor, async (ctx) => {
    const { tx } = ctx;
    const notice = await lockSending(tx, orgId, noticeId);
    if (!notice) return false;
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.orgId, orgId), eq(incidents.id, notice.incidentId)));
    if (incident.drill) {
      await failNotice(ctx, notice, "drill");
      return false;
    }
    const [org] = await tx
      .select({
        zh: organizations.nameZh,
        en: organizations.nameEn,
        laws: organizations.jurisdictions,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    const [{ others }] = (
      await tx.execute<{ others: boolean }>(
        sql`select exists (select 1 from incident_notices where org_id = ${orgId} and incident_id = ${notice.incidentId} and id <> ${notice.id} and set_id is not null) as others`,
      )
    ).rows;
    const people = await nextPeople(tx, notice, size, others);
    const render = noticeRenderer({
      platform: { "zh-CN": org.zh, en: org.en },
      reference: incident.reference,
      discoveredOn: todayIso(incident.discoveredAt),
      categories: incident.dataCategories,
      texts: notice.texts,
    });
    const live = people.filter((p) => p.status !== "erased" && !p.earlier);
    const keys = await existingDataKeys(
      tx,
      orgId,
      live.map((p) => p.customer_id),
    );
    const messages: BatchMessage[] = [];
    let erased = people.length - live.length;
    let noContact = 0;
    const earlier = people.filter((p) => p.status !== "erased" && p.earlier).length;
    erased -= earlier;
    for (const p of live) {
      const key = keys.get(p.customer_id);
      if (!key) {
        erased += 1;
        continue;
      }
      const channel = p.email_enc ? "email" : p.phone_enc ? "sms" : null;
      if (!channel) {
        noContact += 1;
        continue;
      }
      const recipient = decryptField(
        key,
        (channel === "email" ? p.email_enc : p.phone_enc)!,
        fieldContext(orgId, p.customer_id, channel === "email" ? "email" : "phone"),
      );
      const law = applicableLaws({ laws: p.laws, region: p.region }, org.laws).laws[0];
      const { subject, body, locale } = render(law, channel);
      messages.push({ customerId: p.customer_id, key, channel, recipient, locale, subject, body });
    }
    const ids = await enqueueCustomerMessages(tx, orgId, "incident.notice", messages);
    if (ids.length > 0)
      await tx.execute(sql`
        update incident_affected_customers a set message_id = u.m
        from unnest(${sql.param(messages.map((m) => m.customerId))}::uuid[], ${sql.param(ids)}::uuid[]) as u(c, m)
        where a.org_id = ${orgId} and a.set_id = ${notice.setId} and a.customer_id = u.c`);
    const finished = people.length < size;
    const totals = {
      processed: notice.processed + people.length,
      queued: notice.queued + ids.length,
      noContact: notice.noContact + noContact,
      erased: notice.erased + erased,
      earlier: notice.earlier + earlier,
    };
    await tx
      .update(incidentNotices)
      .set({
        ...totals,
        cursor: people.at(-1)?.customer_id ?? notice.cursor,
        ...(finished && { status: "sent" as const, finishedAt: sql`now()` }),
      })
      .where(byId(orgId, noticeId));
    if (people.length > 0)
      await ctx.audit({
        action: "incident.notices_queued",
        targetType: "incident",
        targetId: notice.incidentId,
        details: { notice: noticeId, queued: ids.length, noContact, erased, earlier },
      });
    if (finished)
      await ctx.audit({
        action: "incident.notice_sent",
        targetType: "incident",
        targetId: notice.incidentId,
        details: { notice: noticeId, ...totals },
      });
    return !finished;
  });
}

/**
 * Runs (or resumes) a notice step after step from its last committed position; safe to run twice
 * (each step re-reads the position under the notice's row lock). `held` false stops it early;
 * `maxSteps` stops it as a crash would (tests).
 */
export async function runNotice(
  orgId: string,
  noticeId: string,
  opts: { held?: () => boolean; maxSteps?: number; batch?: number } = {},
): Promise<"sent" | "stopped" | "failed"> {
  try {
    for (let steps = 0; ; steps += 1) {
      if (opts.maxSteps !== undefined && steps >= opts.maxSteps) return "stopped";
      if (opts.held && !opts.held()) return "stopped";
      if (!(await noticeStep(orgId, noticeId, opts.batch ?? NOTICE_BATCH))) return "sent";
    }
  } catch (error) {
    log.error({ orgId, noticeId, err: error }, "incident notice failed");
    await inTenant(orgId, actor, async (ctx) => {
      const notice = await lockSending(ctx.tx, orgId, noticeId);
      if (notice) await failNotice(ctx, notice, (error as Error).name);
    });
    return "failed";
  }
}
