/**
 * `npm run bench -- requests [--customers N] [--requests N]`: request fulfilment at scale (issue 5
 * §7), in a database of its own. Seeds N generated customers (default 1,000,000) with COPY, one
 * customer with 500 orders and 2,000 consent receipts, and M requests (default 100,000); then
 * measures that customer's access package (job start → file ready), their erasure (and proves
 * nothing of theirs decrypts afterwards), and the request queue's first page.
 */
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { wholeNumber, inBenchDatabase } from "./database";
import { ms, now, percentile, printTable, timeEach, type Row } from "./stats";

const ORDERS = 500;
const RECEIPTS = 2000;
const EXPORT_RUNS = 5;
const QUEUE_LOADS = 100;

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: "string", default: "1000000" },
      requests: { type: "string", default: "100000" },
    },
  });
  return {
    customers: wholeNumber("customers", values.customers, 1000),
    requests: wholeNumber("requests", values.requests, 100),
  };
}

export async function run(args: string[]): Promise<boolean> {
  const opts = options(args);
  return inBenchDatabase((ownerUrl) => measure(opts, ownerUrl));
}

async function measure(
  opts: { customers: number; requests: number },
  ownerUrl: string,
): Promise<boolean> {
  // Imported after the environment points at the benchmark database.
  const { and, eq } = await import("drizzle-orm");
  const { strFromU8, unzipSync } = await import("fflate");
  const { customers, organizations, purposes } = await import("@/db/schema");
  const { seedDemo } = await import("@/db/seed");
  const { seedCustomersBulk } = await import("@/db/seed/bulk/load");
  const { progressPrinter } = await import("@/db/seed/bulk/progress");
  const { withTenant, withoutTenant } = await import("@/db/tenant");
  const { recordAudit } = await import("@/lib/core/audit/record");
  const { tenantContext } = await import("@/lib/core/tenancy/context");
  const { keyForField } = await import("@/lib/core/crypto/key-for-field");
  const { decryptField } = await import("@/lib/core/crypto/field");
  const { recordConsentBatch } = await import("@/lib/consent/record");
  const { upsertCustomers } = await import("@/lib/customers/commands");
  const { fieldContext, personalFields } = await import("@/lib/customers/fields");
  const { findCustomersBy } = await import("@/lib/customers/queries");
  const { createRequest } = await import("@/lib/requests/commands");
  const { eraseForRequest } = await import("@/lib/requests/fulfilment/erasure");
  const { runRequestExport } = await import("@/lib/requests/fulfilment/export-job");
  const { openExportForDownload, startExport } = await import("@/lib/requests/fulfilment/exports");
  const { requestQueue } = await import("@/lib/requests/queue");

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
    // The customer under test, through the app's upsert (encrypted, indexed, masked).
    const [{ id: target }] = await withTenant(orgId, (tx) =>
      upsertCustomers(tx, orgId, [
        {
          externalRef: "bench-target",
          displayName: "王小明",
          phone: "+8613700137000",
          email: "wang.xiaoming@example.com",
          address: "上海市浦东新区世纪大道 100 号",
          birthDate: "1990-05-01",
          laws: ["PIPL"],
          region: "CN-SH",
        },
      ]),
    );
    const [{ officer }] = (
      await owner.query<{ officer: string }>(
        "select user_id as officer from memberships where org_id = $1 and role = 'privacy_officer' limit 1",
        [orgId],
      )
    ).rows;

    console.log(
      `Seeding ${ORDERS} orders, ${RECEIPTS} consent receipts and ${opts.requests.toLocaleString("en")} requests…`,
    );
    const client = await owner.connect();
    try {
      await client.query("begin");
      await client.query("select set_config('app.org_id', $1, true)", [orgId]);
      // Counterparties: generated customers; half the orders bought, half sold, each with its voucher.
      await client.query(
        `
        with others as (select id, row_number() over (order by created_at) as n from customers where org_id = $1 and id <> $2 limit ${ORDERS}),
             merchant as (select id from merchants where org_id = $1 limit 1),
             v as (
               insert into vouchers (org_id, id, external_ref, merchant_id, owner_id, title, face_value_cents, price_paid_cents, purchased_at, status)
               select $1, gen_random_uuid(), 'bench-v-' || o.n, (select id from merchant), case when o.n % 2 = 0 then $2::uuid else o.id end,
                 '双人套餐 #' || o.n, 29800, 19900, now() - (o.n || ' days')::interval, 'transferred'
               from others o returning id, owner_id, external_ref)
        insert into transfer_orders (org_id, id, external_ref, voucher_id, buyer_id, seller_id, price_cents, status, created_at, paid_at)
        select $1, gen_random_uuid(), 'bench-o-' || o.n, v.id,
          case when o.n % 2 = 0 then o.id else $2::uuid end, case when o.n % 2 = 0 then $2::uuid else o.id end,
          18000, 'paid', now() - (o.n || ' days')::interval, now() - (o.n || ' days')::interval
        from others o join v on v.external_ref = 'bench-v-' || o.n`,
        [orgId, target],
      );
      // Requests: references R-2025-…, spread over customers, types, states and due dates.
      await client.query(
        `
        with c as (select id, row_number() over (order by created_at desc) as n from customers where org_id = $1 limit $2)
        insert into data_subject_requests (org_id, reference, type, status, law, laws, laws_basis, clock_terms, customer_id, channel, received_at, received_on, verified_on, due_on, due_unit, tracking_token_hash, closed_at, rejection_reason)
        select $1, 'R-2025-' || lpad(c.n::text, 6, '0'),
          (array['access','portability','rectification','erasure','objection','withdraw_consent','account_cancellation','question'])[1 + c.n % 8],
          (array['received','awaiting_identity','verified','in_progress','awaiting_requester','completed','rejected','completed'])[1 + (c.n / 8) % 8],
          'PIPL', array['PIPL'], 'customer', '{"gdprTimeZone":"Europe/Brussels","piplPeriod":{"amount":15,"unit":"working_days"}}'::jsonb,
          c.id, (array['portal','phone','email','letter'])[1 + c.n % 4],
          (date '2025-01-01' + (c.n % 700)::int)::timestamp at time zone 'Asia/Shanghai',
          date '2025-01-01' + (c.n % 700)::int, date '2025-01-01' + (c.n % 700)::int, date '2025-01-22' + (c.n % 700)::int, 'working_days',
          md5('bench-request-' || c.n), case when (c.n / 8) % 8 in (5, 6, 7) then now() end,
          case when (c.n / 8) % 8 = 6 then 'identity could not be verified' end
        from c`,
        [orgId, opts.requests],
      );
      await client.query("commit");
    } finally {
      client.release();
    }
    const purposeIds = (
      await withTenant(orgId, (tx) =>
        tx.select({ id: purposes.id }).from(purposes).where(eq(purposes.orgId, orgId)),
      )
    ).map((p) => p.id);
    for (let b = 0; b < RECEIPTS / 500; b++) {
      await withTenant(orgId, (tx) =>
        recordConsentBatch(
          tx,
          orgId,
          Array.from({ length: 500 }, (_, i) => ({
            customerId: target,
            purposeId: purposeIds[(b * 500 + i) % purposeIds.length],
            action: i % 3 === 0 ? ("withdraw" as const) : ("grant" as const),
            channel: "app" as const,
            locale: "zh-CN",
            ipTruncated: "203.0.113.0",
            userAgent: "PrivacyDeskBench/1.0 (iPhone)",
            source: "customer" as const,
            occurredAt: new Date(Date.UTC(2025, 0, 1) + (b * 500 + i) * 3_600_000).toISOString(),
          })),
          async (e) => void (await recordAudit(tx, orgId, system, e)),
        ),
      );
    }
    await owner.query(
      "analyze data_subject_requests, transfer_orders, vouchers, consent_events, consent_state",
    );
    const ctxFor = (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) =>
      tenantContext(tx, orgId, { type: "user", id: officer });

    // 1. Access package: job start → file ready, several runs (the first is cold).
    console.log("Measuring the access package…");
    const { id: accessId } = await withTenant(orgId, (tx) =>
      createRequest(ctxFor(tx), {
        type: "access",
        channel: "portal",
        customerId: target,
        locale: "zh-CN",
        receivedAt: new Date("2026-11-27T12:00:00Z"),
        verifiedOn: "2026-11-27",
        identityMethod: "portal_code",
      }),
    );
    const exportMs: number[] = [];
    let lastExport = "";
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const { exportId } = await withTenant(orgId, (tx) => startExport(ctxFor(tx), accessId));
      start = now();
      const outcome = await runRequestExport(orgId, exportId);
      exportMs.push(now() - start);
      if (outcome !== "ready") throw new Error(`export run ${i} ended ${outcome}`);
      lastExport = exportId;
    }
    const file = await withTenant(orgId, (tx) =>
      openExportForDownload(tx, orgId, lastExport, { userId: officer }),
    );
    const entries = unzipSync(new Uint8Array(file.bytes));
    const orders = JSON.parse(strFromU8(entries["orders.json"])).length;
    const receipts = JSON.parse(strFromU8(entries["consentReceipts.json"])).length;
    const profile = JSON.parse(strFromU8(entries["profile.json"]));
    const complete = orders === ORDERS && receipts === RECEIPTS && profile.displayName === "王小明";
    rows.push({
      measure: `access package, job start → file ready (${orders} orders, ${receipts} receipts, ${(file.bytes.length / 1024).toFixed(0)} KB ZIP), worst of ${EXPORT_RUNS}`,
      value: ms(Math.max(...exportMs)),
      baseline: `first ${ms(exportMs[0])}, median ${ms(percentile(exportMs, 50))}`,
      target: "< 2 s",
      pass: Math.max(...exportMs) < 2000 && complete,
    });
    if (!complete)
      console.log(
        `  package incomplete: ${orders} orders, ${receipts} receipts, name ${profile.displayName === "王小明" ? "ok" : "wrong"}`,
      );

    // 2. Erasure of that customer, committed; then nothing of theirs decrypts.
    console.log("Measuring erasure…");
    const [before] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, target))),
    );
    const sealedBefore = (["displayName", "phone", "email", "address", "birthDate"] as const).map(
      (f) => [f, before[personalFields[f].enc] as Buffer] as const,
    );
    const { id: erasureId } = await withTenant(orgId, (tx) =>
      createRequest(ctxFor(tx), {
        type: "erasure",
        channel: "portal",
        customerId: target,
        locale: "zh-CN",
        receivedAt: new Date("2026-11-27T12:00:00Z"),
        verifiedOn: "2026-11-27",
        identityMethod: "portal_code",
      }),
    );
    start = now();
    const erased = await withTenant(orgId, (tx) => eraseForRequest(ctxFor(tx), erasureId));
    const eraseMs = now() - start;
    let decryptable = 0;
    for (const [field, blob] of sealedBefore) {
      const opened = await withTenant(orgId, async (tx) =>
        decryptField(await keyForField(tx, orgId, blob), blob, fieldContext(orgId, target, field)),
      ).then(
        () => true,
        () => false,
      );
      if (opened) decryptable++;
    }
    const packageOpens = await withTenant(orgId, (tx) =>
      openExportForDownload(tx, orgId, lastExport),
    ).then(
      () => true,
      () => false,
    );
    const found = await withTenant(orgId, (tx) =>
      findCustomersBy(tx, orgId, { phone: "+8613700137000" }),
    );
    const shredded = decryptable === 0 && !packageOpens && found.length === 0;
    rows.push({
      measure: `erasure (crypto-shred, ${erased.vendorTasks} vendor tasks, ${ORDERS} orders held)`,
      value: ms(eraseMs),
      target: "< 1 s",
      pass: eraseMs < 1000,
    });
    rows.push({
      measure: "after erasure: old ciphertexts / package / phone search",
      value: `${decryptable} of ${sealedBefore.length} decrypt, package ${packageOpens ? "opens" : "refused"}, ${found.length} found`,
      target: "nothing",
      pass: shredded,
    });

    // 3. The request queue's first page (the console helper's requestQueue), open requests and all.
    console.log("Measuring the request queue…");
    const [{ n: requestCount }] = (
      await owner.query<{ n: number }>(
        "select count(*)::int as n from data_subject_requests where org_id = $1",
        [orgId],
      )
    ).rows;
    for (const [label, query] of [
      ["open requests", { status: "open" as const }],
      ["all requests", {}],
    ] as const) {
      const load = () => withTenant(orgId, (tx) => requestQueue(tx, orgId, officer, query));
      const first = await load();
      await timeEach(Array.from({ length: 10 }), load);
      const samples = await timeEach(Array.from({ length: QUEUE_LOADS }), load);
      rows.push({
        measure: `request queue first page, ${label} (${requestCount.toLocaleString("en")} requests) p95`,
        value: ms(percentile(samples, 95)),
        baseline: `p50 ${ms(percentile(samples, 50))}`,
        target: "< 200 ms",
        pass: percentile(samples, 95) < 200 && first.rows.length === 50,
      });
    }
  } finally {
    await owner.end();
  }

  printTable(
    `Requests benchmark — ${opts.customers.toLocaleString("en")} customers (npm run bench -- requests --customers ${opts.customers} --requests ${opts.requests})`,
    rows,
  );
  return rows.every((r) => r.pass !== false);
}
