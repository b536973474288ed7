/**
 * `npm run bench -- vault [--customers N]`: the customer vault at scale (issue 3 §8). Seeds N
 * generated customers (default 1,000,000) into a fresh database, then measures the app's own
 * functions against bare baselines measured in the same run.
 */
import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { encodeByteaArray } from "@/db/bytea-array";
import { timeOrderedId } from "@/lib/core/ids";
import { wholeNumber, inBenchDatabase } from "./database";
import { ms, now, percent, percentile, perSecond, printTable, timeEach, type Row } from "./stats";

const UPSERT_BATCH = 500;
const UPSERT_BATCHES = 20;
const SEARCHES = 500;
const PAGE_LOADS = 100;
const ENCRYPTIONS = 200_000;
const NONCE_CHECKS = 1_000_000;

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { customers: { type: "string", default: "1000000" } },
  });
  return { customers: wholeNumber("customers", values.customers, 1000) };
}

/** Random sample (with a fixed seed, so runs compare) of k numbers in 1…n. */
function sample(n: number, k: number, seed = 7): number[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  return Array.from({ length: k }, () => 1 + Math.floor(next() * n));
}

export async function run(args: string[]): Promise<boolean> {
  const { customers: total } = options(args);
  return inBenchDatabase((ownerUrl) => measure(total, ownerUrl));
}

async function measure(total: number, ownerUrl: string): Promise<boolean> {
  // Imported after the environment points at the benchmark database.
  const { eq } = await import("drizzle-orm");
  const { appDatabaseUrl } = await import("@/db/urls");
  const { organizations } = await import("@/db/schema");
  const { seedDemo } = await import("@/db/seed");
  const { seedCustomersBulk } = await import("@/db/seed/bulk/load");
  const { progressPrinter } = await import("@/db/seed/bulk/progress");
  const { generatedCustomer, prng, residentId } = await import("@/db/seed/people");
  const { withTenant, withoutTenant } = await import("@/db/tenant");
  const { recordAudit } = await import("@/lib/core/audit/record");
  const { blindIndex, blindIndexKey } = await import("@/lib/core/crypto/blind-index");
  const { encryptField } = await import("@/lib/core/crypto/field");
  const { FieldKey } = await import("@/lib/core/crypto/field-key");
  const { encodeCursor } = await import("@/lib/core/pagination/cursor");
  const { upsertCounts, upsertCustomers } = await import("@/lib/customers/commands");
  const { sealedColumns } = await import("@/lib/customers/fields");
  const { findCustomersBy, listCustomers } = await import("@/lib/customers/queries");
  const { customerInput } = await import("@/lib/customers/schemas");
  const { env } = await import("@/lib/core/env");

  const rows: Row[] = [];
  const system = { type: "system", id: "bench" } as const;

  // Seed: the demo, then `total` generated customers with vouchers, orders and payment accounts.
  console.log(`Seeding the demo and ${total.toLocaleString("en")} customers…`);
  let start = now();
  await seedDemo();
  const [demo] = await withoutTenant((tx) =>
    tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "demo")),
  );
  const orgId = demo.id;
  const counts = await seedCustomersBulk({
    ownerUrl,
    orgId,
    count: total,
    actor: system,
    onProgress: progressPrinter(),
  });
  const seedSeconds = (now() - start) / 1000;
  const loaded = Object.values(counts).reduce((a, b) => a + b, 0);
  rows.push({
    measure: `seed ${total.toLocaleString("en")} customers (COPY, ${loaded.toLocaleString("en")} rows)`,
    value: `${seedSeconds.toFixed(0)} s (${perSecond(total / seedSeconds)})`,
    // The 15-minute target is for 1,000,000; smaller runs are dominated by start-up costs.
    target: total >= 1_000_000 ? "< 15 min" : "(< 15 min at 1,000,000)",
    pass: total >= 1_000_000 ? seedSeconds < 15 * 60 : undefined,
  });

  const owner = new Pool({ connectionString: ownerUrl, max: 2 });
  const app = new Pool({
    connectionString: appDatabaseUrl(ownerUrl, env().DATABASE_APP_PASSWORD),
    max: 4,
  });
  try {
    // 1. Upsert: batches of 500 new customers with 4 encrypted fields each, through the app's
    //    upsert (parse, data keys, encrypt, index, mask, insert, one audit event per batch),
    //    interleaved with a raw multi-row INSERT of the same kind of rows encrypted beforehand.
    console.log("Measuring upserts…");
    const benchPerson = (n: number) => {
      const person = generatedCustomer(n);
      const random = prng(n);
      return {
        externalRef: `bench-${n}`,
        displayName: person.displayName,
        phone: person.phone,
        email: person.email ?? `bench${n}@example.com`,
        nationalId:
          person.nationalId ?? residentId("110105", person.birthDate ?? "1990-01-01", random),
      };
    };
    const { key: indexKey } = await withTenant(orgId, (tx) => blindIndexKey(tx, orgId));
    const columns = [
      "org_id",
      "id",
      "external_ref",
      "display_name_enc",
      "name_masked",
      "phone_enc",
      "phone_masked",
      "phone_bidx",
      "email_enc",
      "email_masked",
      "email_bidx",
      "national_id_enc",
      "national_id_masked",
      "national_id_bidx",
    ];
    const rawBatch = (first: number) =>
      Array.from({ length: UPSERT_BATCH }, (_, i) => {
        const person = customerInput.parse(benchPerson(first + i));
        const id = timeOrderedId(); // the ids upsertCustomers gives new customers
        const key = new FieldKey({ orgId, kind: "data", id, version: 1 }, randomBytes(32));
        const sealed = Object.assign(
          {},
          ...(["displayName", "phone", "email", "nationalId"] as const).map((f) =>
            sealedColumns(key, indexKey, orgId, id, f, person[f]!),
          ),
        );
        return [
          orgId,
          id,
          `raw-${first + i}`,
          sealed.displayNameEnc,
          sealed.nameMasked,
          sealed.phoneEnc,
          sealed.phoneMasked,
          sealed.phoneBidx,
          sealed.emailEnc,
          sealed.emailMasked,
          sealed.emailBidx,
          sealed.nationalIdEnc,
          sealed.nationalIdMasked,
          sealed.nationalIdBidx,
        ];
      });
    const placeholders = Array.from(
      { length: UPSERT_BATCH },
      (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`,
    ).join(", ");
    const rawInsert = `insert into customers (${columns.join(", ")}) values ${placeholders}`;
    let upsertMs = 0;
    let rawMs = 0;
    for (let b = 0; b < UPSERT_BATCHES + 1; b++) {
      const first = 20_000_000 + b * UPSERT_BATCH;
      const values = rawBatch(first).flat();
      const client = await app.connect();
      start = now();
      await client.query("begin");
      await client.query("select set_config('app.org_id', $1, true)", [orgId]);
      await client.query(rawInsert, values);
      await client.query("commit");
      const raw = now() - start;
      client.release();
      const input = Array.from({ length: UPSERT_BATCH }, (_, i) => benchPerson(first + i));
      start = now();
      await withTenant(orgId, async (tx) => {
        const results = await upsertCustomers(
          tx,
          orgId,
          input.map((c) => customerInput.parse(c)),
        );
        await recordAudit(tx, orgId, system, {
          action: "customer.batch_upserted",
          targetType: "customer",
          details: upsertCounts(results),
        });
      });
      // The first batch of each warms caches and JIT; it is not counted.
      if (b > 0) {
        upsertMs += now() - start;
        rawMs += raw;
      }
    }
    const upsertRate = (UPSERT_BATCHES * UPSERT_BATCH) / (upsertMs / 1000);
    const rawRate = (UPSERT_BATCHES * UPSERT_BATCH) / (rawMs / 1000);
    rows.push({
      measure: "upsert, batches of 500, 4 encrypted fields",
      value: perSecond(upsertRate),
      target: "≥ 5,000/s",
      pass: upsertRate >= 5000,
    });
    rows.push({
      measure: "upsert vs raw INSERT of pre-encrypted rows",
      value: perSecond(upsertRate),
      baseline: perSecond(rawRate),
      ratio: percent(upsertRate / rawRate),
      target: "≥ 30%",
      pass: upsertRate / rawRate >= 0.3,
    });

    // 2. Field encryption vs bare AES-256-GCM on the same values (both with fresh nonces).
    console.log("Measuring encryption…");
    const values = Array.from({ length: 2000 }, (_, i) => {
      const p = generatedCustomer(i + 1);
      return [p.displayName, p.phone, p.email ?? p.phone, p.address ?? p.displayName][i % 4];
    });
    const key = new FieldKey(
      { orgId, kind: "data", id: randomUUID(), version: 1 },
      randomBytes(32),
    );
    const where = { orgId, table: "customers", column: "phone_enc", rowId: randomUUID() };
    const nonces = randomBytes(12 * ENCRYPTIONS);
    const bare = () => {
      for (let i = 0; i < ENCRYPTIONS; i++) {
        const nonce = nonces.subarray(i * 12, i * 12 + 12);
        const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
        const body = Buffer.concat([
          cipher.update(values[i % values.length], "utf8"),
          cipher.final(),
        ]);
        Buffer.concat([nonce, body, cipher.getAuthTag()]);
      }
    };
    const field = () => {
      for (let i = 0; i < ENCRYPTIONS; i++) encryptField(key, values[i % values.length], where);
    };
    // Alternating rounds after a warm-up, best of each: other load on the machine slows a round,
    // never speeds it up, so the best round is the truest rate of either.
    const rate = (fn: () => void) => {
      const t = now();
      fn();
      return ENCRYPTIONS / ((now() - t) / 1000);
    };
    bare();
    field();
    let bareRate = 0;
    let fieldRate = 0;
    for (let round = 0; round < 3; round++) {
      bareRate = Math.max(bareRate, rate(bare));
      fieldRate = Math.max(fieldRate, rate(field));
    }
    rows.push({
      measure: "field encryptions (encryptField)",
      value: perSecond(fieldRate),
      baseline: perSecond(bareRate),
      ratio: percent(fieldRate / bareRate),
      target: "≥ 50%",
      pass: fieldRate / bareRate >= 0.5,
    });

    // Nonces: random 96 bits each, so a repeat within a million under one key (odds ~2^-57) means
    // the nonce source broke, and GCM's confidentiality with it. Header (22) | version (1) | nonce.
    console.log("Checking nonces…");
    const nonceSet = new Set<string>();
    for (let i = 0; i < NONCE_CHECKS; i++)
      nonceSet.add(encryptField(key, "same value", where).toString("hex", 23, 35));
    rows.push({
      measure: `distinct nonces in ${NONCE_CHECKS.toLocaleString("en")} encryptions under one key`,
      value: nonceSet.size.toLocaleString("en"),
      target: NONCE_CHECKS.toLocaleString("en"),
      pass: nonceSet.size === NONCE_CHECKS,
    });

    // 3. Search by phone: random existing customers, through findCustomersBy (its own
    //    transaction, index key, blind index, query) vs a bare indexed SELECT of the same index.
    console.log("Measuring search…");
    const phones = sample(total, SEARCHES).map(
      (n) => customerInput.parse(generatedCustomer(n)).phone!,
    );
    let misses = 0;
    const search = (phone: string) =>
      withTenant(orgId, async (tx) => {
        if ((await findCustomersBy(tx, orgId, { phone })).length === 0) misses++;
      });
    await timeEach(phones.slice(0, 50), search); // warm-up
    const searchMs = await timeEach(phones, search);
    const bidxs = phones.map((phone) => blindIndex(indexKey, "phone", phone));
    const bareSearchMs = await timeEach(bidxs, (bidx) =>
      owner.query("select id from customers where org_id = $1 and phone_bidx = $2", [orgId, bidx]),
    );
    rows.push({
      measure: `search by phone p50 (${SEARCHES} random)`,
      value: ms(percentile(searchMs, 50)),
      baseline: ms(percentile(bareSearchMs, 50)),
      ratio: `${(percentile(searchMs, 50) / percentile(bareSearchMs, 50)).toFixed(1)}×`,
    });
    rows.push({
      measure: "search by phone p95",
      value: ms(percentile(searchMs, 95)),
      baseline: ms(percentile(bareSearchMs, 95)),
      ratio: `${(percentile(searchMs, 95) / percentile(bareSearchMs, 95)).toFixed(1)}×`,
      target: "< 20 ms",
      pass: percentile(searchMs, 95) < 20 && misses === 0,
    });
    if (misses > 0) console.log(`  ${misses} searches found nothing (expected none)`);

    // 4. Customer list (masked columns, keyset): first page and a page ~90% deep.
    console.log("Measuring the customer list…");
    const depth = Math.floor(total * 0.9);
    const {
      rows: [deep],
    } = await owner.query(
      "select created_at::text as v, id from customers where org_id = $1 order by created_at desc, id desc offset $2 limit 1",
      [orgId, depth],
    );
    const cursor = encodeCursor({ v: deep.v, id: deep.id });
    const list = (cursorValue?: string) =>
      withTenant(orgId, (tx) => listCustomers(tx, orgId, { limit: 50, cursor: cursorValue }));
    const firstPage = await list();
    const deepPage = await list(cursor);
    const pages = Array.from({ length: PAGE_LOADS }, () => 0);
    await timeEach(pages.slice(0, 10), () => list()); // warm-up
    const firstMs = await timeEach(pages, () => list());
    const deepMs = await timeEach(pages, () => list(cursor));
    rows.push({
      measure: "customer list, first page (50) p95",
      value: ms(percentile(firstMs, 95)),
      target: "< 200 ms",
      pass: percentile(firstMs, 95) < 200 && firstPage.rows.length === 50,
    });
    rows.push({
      measure: `customer list, page after ${depth.toLocaleString("en")} rows p95`,
      value: ms(percentile(deepMs, 95)),
      target: "< 200 ms",
      pass: percentile(deepMs, 95) < 200 && deepPage.rows.length === 50,
    });

    // 5. Key rotation while searches run, if the rotation is built.
    rows.push(...(await rotation(orgId, phones, search, owner)));
  } finally {
    await owner.end();
    await app.end();
  }

  printTable(
    `Vault benchmark — ${total.toLocaleString("en")} customers (npm run bench -- vault --customers ${total})`,
    rows,
  );
  return rows.every((r) => r.pass !== false);
}

async function rotation(
  orgId: string,
  phones: string[],
  search: (phone: string) => Promise<void>,
  owner: Pool,
): Promise<Row[]> {
  if (!existsSync(new URL("../../lib/keys/rotation.ts", import.meta.url))) {
    console.log("rotation: not measured (not built yet)");
    return [{ measure: "key rotation", value: "not measured (not built yet)" }];
  }
  const { inTenant } = await import("@/lib/core/tenancy/context");
  const { startRotation, runRotation } = await import("@/lib/keys/rotation");
  console.log("Measuring key rotation…");
  const actor = { type: "system", id: "bench" } as const;
  const started = await inTenant(orgId, actor, startRotation);
  let rotating = true;
  const searchMs: number[] = [];
  const searching = (async () => {
    for (let i = 0; rotating; i++) {
      const t = now();
      await search(phones[i % phones.length]);
      searchMs.push(now() - t);
    }
  })();
  const t = now();
  try {
    await runRotation(orgId, started.id);
  } finally {
    rotating = false;
    await searching;
  }
  const seconds = (now() - t) / 1000;
  const rate = started.total / seconds;
  const rawRate = await rawRowUpdates(orgId, started.toVersion, owner);
  return [
    {
      measure: `key rotation (${started.total.toLocaleString("en")} values, searches running)`,
      value: perSecond(rate),
      baseline: `${perSecond(rawRate)} raw`,
      ratio: percent(rate / rawRate),
      target: "≥ 20,000/s",
      pass: rate >= 20_000,
    },
    {
      measure: `search by phone p95 during rotation (${searchMs.length})`,
      value: ms(percentile(searchMs, 95)),
    },
  ];
}

const RAW_UPDATE_ROWS = 200_000;
const RAW_UPDATE_BATCH = 1_000;

/**
 * The database's own rate for the rotation's kind of write, as a yardstick for its rate on this
 * machine today: the rotation's voucher UPDATE (1,000 rows per statement, a new sealed value and
 * key version) with values computed beforehand, so no crypto, no searches, no locking read first. Run last:
 * it bumps the version column past the rotation's, which nothing reads afterwards.
 */
async function rawRowUpdates(orgId: string, toVersion: number, owner: Pool): Promise<number> {
  const { rows } = await owner.query<{ id: string; blob: Buffer }>(
    "select id, redemption_code_enc as blob from vouchers where org_id = $1 and redemption_code_enc is not null order by id limit $2",
    [orgId, RAW_UPDATE_ROWS],
  );
  const start = now();
  for (let i = 0; i < rows.length; i += RAW_UPDATE_BATCH) {
    const batch = rows.slice(i, i + RAW_UPDATE_BATCH);
    await owner.query(
      `update vouchers t set redemption_code_enc = u.blob, redemption_code_key_version = $4
      from (select unnest($2::uuid[]) as id, unnest($3::bytea[]) as blob) u where t.org_id = $1 and t.id = u.id`,
      [orgId, batch.map((r) => r.id), encodeByteaArray(batch.map((r) => r.blob)), toVersion + 1],
    );
  }
  return rows.length / ((now() - start) / 1000);
}
