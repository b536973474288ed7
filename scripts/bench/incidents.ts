/**
 * `npm run bench -- incidents [--customers N] [--incidents N]`: an incident at scale (issue 17
 * §7), in a database of its own. Seeds N generated customers (default 1,000,000) with COPY, then
 * selects every one of them as affected and queues a notice to each (selection job, commit,
 * notice job: vault reads, decryption of each contact, sealing under each customer's key), and
 * compares the rate with a raw INSERT of the same outbox rows (their stored bytes, new ids) in
 * the same run. Then seeds M incidents (default 10,000) and times the incident page's reads and
 * the list's first page.
 */
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { wholeNumber, inBenchDatabase } from "./database";
import { ms, now, percent, percentile, perSecond, printTable, timeEach, type Row } from "./stats";

const PAGE_LOADS = 200;
const RAW_BATCH = 5_000;

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: "string", default: "1000000" },
      incidents: { type: "string", default: "10000" },
    },
  });
  return {
    customers: wholeNumber("customers", values.customers, 1000),
    incidents: wholeNumber("incidents", values.incidents, 100),
  };
}

export async function run(args: string[]): Promise<boolean> {
  const opts = options(args);
  return inBenchDatabase((ownerUrl) => measure(opts, ownerUrl));
}

async function measure(
  opts: { customers: number; incidents: number },
  ownerUrl: string,
): Promise<boolean> {
  // Imported after the environment points at the benchmark database.
  const { eq } = await import("drizzle-orm");
  const { organizations } = await import("@/db/schema");
  const { seedDemo } = await import("@/db/seed");
  const { seedCustomersBulk } = await import("@/db/seed/bulk/load");
  const { progressPrinter } = await import("@/db/seed/bulk/progress");
  const { withTenant, withoutTenant } = await import("@/db/tenant");
  const { byteaArray } = await import("@/db/bytea-array");
  const { sql } = await import("drizzle-orm");
  const { tenantContext } = await import("@/lib/core/tenancy/context");
  const { listAuditEvents } = await import("@/lib/core/audit/queries");
  const { startSelection, commitSelection } = await import("@/lib/incidents/affected/commands");
  const { runSelection } = await import("@/lib/incidents/affected/selection");
  const { affectedSetsOf } = await import("@/lib/incidents/affected/queries");
  const { saveNoticeDraft, sendNotice } = await import("@/lib/incidents/notices/commands");
  const { defaultNoticeTexts } = await import("@/lib/incidents/notices/content");
  const { runNotice } = await import("@/lib/incidents/notices/sending");
  const { getIncident, listIncidents } = await import("@/lib/incidents/queries");
  const { reportIncident } = await import("@/lib/incidents/commands");

  const rows: Row[] = [];
  const system = { type: "system", id: "bench" } as const;

  console.log(`Seeding the demo and ${opts.customers.toLocaleString("en")} customers…`);
  let start = now();
  await seedDemo();
  const [demo] = await withoutTenant((tx) =>
    tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "demo")),
  );
  const orgId = demo.id;
  await seedCustomersBulk({
    ownerUrl,
    orgId,
    count: opts.customers,
    actor: system,
    onProgress: progressPrinter(),
  });
  console.log(`  seeded in ${((now() - start) / 1000).toFixed(0)} s`);

  const owner = new Pool({ connectionString: ownerUrl, max: 2 });
  try {
    await owner.query("analyze customers, data_keys");
    const [{ officer }] = (
      await owner.query<{ officer: string }>(
        "select user_id as officer from memberships where org_id = $1 and role = 'privacy_officer' limit 1",
        [orgId],
      )
    ).rows;
    const [{ total }] = (
      await owner.query<{ total: string }>(
        "select count(*) as total from customers where org_id = $1 and status <> 'erased'",
        [orgId],
      )
    ).rows;
    const people = Number(total);
    const as = <T>(work: (ctx: ReturnType<typeof tenantContext>) => Promise<T>) =>
      withTenant(orgId, (tx) => work(tenantContext(tx, orgId, { type: "user", id: officer })));

    // 1. Select everyone and queue their notices: the pipeline the officer starts from the page.
    console.log(`Selecting ${people.toLocaleString("en")} affected customers and queuing notices…`);
    const incidentId = await as((ctx) =>
      reportIncident(ctx, {
        summary: "订单库备份对外暴露",
        description: "对象存储中的订单库备份可被公开访问",
        discoveredAt: new Date(Date.now() - 3_600_000),
        systems: ["订单系统"],
        dataCategories: ["contact", "transactions"],
        estimatedAffected: people,
        vendorId: undefined,
      }),
    );
    start = now();
    const { setId } = await as((ctx) =>
      startSelection(ctx, {
        id: incidentId,
        kind: "everyone",
        categories: [],
        merchantId: null,
        ordersFrom: null,
        ordersTo: null,
        file: undefined,
      }),
    );
    if ((await runSelection(orgId, setId)) !== "selected") throw new Error("selection failed");
    const selectMs = now() - start;
    await as((ctx) => commitSelection(ctx, { id: incidentId, setId }));
    const texts = defaultNoticeTexts(
      "订单库备份对外暴露",
      "https://privacy.example/p/demo/requests",
    );
    await as((ctx) => saveNoticeDraft(ctx, { id: incidentId, texts }));
    const queueStart = now();
    const { noticeId } = await as((ctx) => sendNotice(ctx, { id: incidentId }));
    if ((await runNotice(orgId, noticeId)) !== "sent") throw new Error("notice failed");
    const queueMs = now() - queueStart;
    const pipelineMs = selectMs + (now() - queueStart);
    const [notice] = (
      await owner.query<{ queued: string; processed: string }>(
        "select queued, processed from incident_notices where id = $1",
        [noticeId],
      )
    ).rows;
    const queued = Number(notice.queued);
    const pipelineRate = queued / (pipelineMs / 1000);

    // 2. The same outbox rows, inserted raw: their stored bytes read back untimed, inserted with
    // new ids in batches of the job's size, each in its own transaction (as the job commits).
    console.log("Inserting the same outbox rows raw…");
    let rawMs = 0;
    let rawRows = 0;
    let cursor = "00000000-0000-0000-0000-000000000000";
    const client = await owner.connect();
    try {
      for (;;) {
        const batch = await client.query<{
          id: string;
          customer_id: string;
          channel: string;
          locale: string;
          recipient_masked: string;
          recipient_enc: Buffer;
          subject_enc: Buffer | null;
          body_enc: Buffer;
        }>(
          `select id, customer_id, channel, locale, recipient_masked, recipient_enc, subject_enc, body_enc
           from message_outbox where org_id = $1 and template = 'incident.notice' and id > $2 order by id limit ${RAW_BATCH}`,
          [orgId, cursor],
        );
        if (batch.rows.length === 0) break;
        cursor = batch.rows.at(-1)!.id;
        const r = batch.rows;
        const insert = sql`insert into message_outbox (org_id, id, customer_id, channel, template, locale, recipient_masked, recipient_enc, subject_enc, body_enc)
          select ${orgId}, gen_random_uuid(), u.c, u.ch, 'bench.raw', u.l, u.m, u.r, u.s, u.b
          from unnest(${sql.param(r.map((x) => x.customer_id))}::uuid[], ${sql.param(r.map((x) => x.channel))}::text[],
            ${sql.param(r.map((x) => x.locale))}::text[], ${sql.param(r.map((x) => x.recipient_masked))}::text[],
            ${byteaArray(r.map((x) => x.recipient_enc))}, ${byteaArray(r.map((x) => x.subject_enc))},
            ${byteaArray(r.map((x) => x.body_enc))}) as u(c, ch, l, m, r, s, b)`;
        const t0 = now();
        await withTenant(orgId, (tx) => tx.execute(insert));
        rawMs += now() - t0;
        rawRows += r.length;
      }
    } finally {
      client.release();
    }
    const rawRate = rawRows / (rawMs / 1000);
    rows.push({
      measure: `select ${people.toLocaleString("en")} affected + queue ${queued.toLocaleString("en")} sealed notices (selection ${ms(selectMs)}, notices ${ms(queueMs)})`,
      value: perSecond(pipelineRate),
      baseline: `raw INSERT of the same ${rawRows.toLocaleString("en")} rows: ${perSecond(rawRate)}`,
      ratio: percent(pipelineRate / rawRate),
      target: "≥ 50% of raw",
      pass: pipelineRate / rawRate >= 0.5 && queued > 0 && Number(notice.processed) === people,
    });

    // 3. The incident page and the list with many incidents.
    console.log(`Seeding ${opts.incidents.toLocaleString("en")} incidents…`);
    await owner.query(
      `insert into incidents (org_id, reference, summary, description, discovered_at, reported_by, systems, data_categories, estimated_affected, status, classification, affected_laws, proposed_grade, triaged_at, drill)
       select $1, 'INC-2025-' || lpad(n::text, 5, '0'), '演练事件 #' || n, '批量生成的事件', now() - (n || ' hours')::interval, $2,
         array['订单系统'], array['contact'], n * 10,
         (array['reported','triage','investigating','contained','notifying','closed'])[1 + n % 6],
         case when n % 6 = 0 then null else 'pi_breach' end, array['PIPL','GDPR'], 'general', case when n % 6 = 0 then null else now() - (n || ' hours')::interval end, n % 10 = 0
       from generate_series(1, $3::int) n`,
      [orgId, officer, opts.incidents],
    );
    await owner.query("analyze incidents");
    const viewer = { userId: officer, role: "privacy_officer" as const };
    const ids = (
      await owner.query<{ id: string }>(
        `select id from incidents where org_id = $1 order by random() limit ${PAGE_LOADS}`,
        [orgId],
      )
    ).rows.map((r) => r.id);
    ids[0] = incidentId;
    const pageSamples = await timeEach(ids, (id) =>
      withTenant(orgId, async (tx) => {
        await getIncident(tx, orgId, id, viewer);
        await listAuditEvents(tx, { targetType: "incident", targetId: id }, { limit: 50 });
        await affectedSetsOf(tx, orgId, id);
      }),
    );
    const listSamples = await timeEach(Array.from({ length: PAGE_LOADS }), () =>
      withTenant(orgId, (tx) => listIncidents(tx, orgId, viewer)),
    );
    for (const [name, samples] of [
      ["incident page reads (incident, clocks, history, affected)", pageSamples],
      ["incident list, first page with nearest clocks", listSamples],
    ] as const) {
      const p95 = percentile(samples, 95);
      rows.push({
        measure: `${name}, ${opts.incidents.toLocaleString("en")} incidents, p95 of ${PAGE_LOADS}`,
        value: ms(p95),
        baseline: `median ${ms(percentile(samples, 50))}`,
        target: "< 200 ms",
        pass: p95 < 200,
      });
    }
  } finally {
    await owner.end();
  }
  printTable("Incidents at scale", rows);
  return rows.every((r) => r.pass !== false);
}
