/**
 * Loads many generated customers (with vouchers, orders and payment accounts) into one
 * organisation with COPY: worker threads generate and encrypt chunks while the main thread
 * streams finished chunks, in order, into PostgreSQL over the owner connection (an admin tool;
 * `app.org_id` is still set so forced row-level security would accept the rows).
 */
import { availableParallelism } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { customers, merchants } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { recordAudit, type AuditActor } from "@/lib/core/audit/record";
import { blindIndexKey } from "@/lib/core/crypto/blind-index";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { merchantSpecs } from "../deals";
import { generatedRef } from "../people";
import { newIdPrefix, type ChunkContext, type CopyPart } from "./chunk";

export interface BulkProgress {
  done: number;
  total: number;
  /** Customers per second so far. */
  rate: number;
  etaSeconds: number;
}

export interface BulkOptions {
  ownerUrl: string;
  orgId: string;
  count: number;
  actor: AuditActor;
  chunkSize?: number;
  workers?: number;
  onProgress?: (progress: BulkProgress) => void;
}

export type BulkCounts = Record<string, number>;

/** Everything a worker needs, read once: keys, merchants, where numbering continues. */
async function chunkContext(orgId: string): Promise<ChunkContext> {
  return withTenant(orgId, async (tx) => {
    const orgKey = await ensureOrgKey(tx, orgId);
    const { key: indexKey } = await blindIndexKey(tx, orgId);
    let merchantIds = (
      await tx
        .select({ id: merchants.id })
        .from(merchants)
        .where(eq(merchants.orgId, orgId))
        .orderBy(asc(merchants.externalRef))
    ).map((m) => m.id);
    if (merchantIds.length === 0) {
      const rows = merchantSpecs.map(({ externalRef, name, category, city }) => ({
        orgId,
        externalRef,
        name,
        category,
        city,
      }));
      merchantIds = (await tx.insert(merchants).values(rows).returning({ id: merchants.id })).map(
        (m) => m.id,
      );
    }
    const [{ last }] = await tx
      .select({
        last: sql<number>`coalesce(max(substring(${customers.externalRef} from 3)::int), 0)::int`,
      })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), sql`${customers.externalRef} ~ '^g-[0-9]+$'`));
    const firstN = last + 1;
    // Orders name sellers up to 500 numbers back, which may be customers of an earlier seed.
    const earlierRefs = Array.from({ length: Math.min(500, last) }, (_, i) =>
      generatedRef(last - i),
    );
    const earlier =
      earlierRefs.length === 0
        ? []
        : await tx
            .select({ id: customers.id, ref: customers.externalRef })
            .from(customers)
            .where(and(eq(customers.orgId, orgId), inArray(customers.externalRef, earlierRefs)));
    return {
      orgId,
      orgKey: { bytes: new Uint8Array(orgKey.bytes), version: orgKey.version },
      indexKey: new Uint8Array(indexKey),
      merchantIds,
      idPrefix: newIdPrefix(),
      firstN,
      earlierIds: Object.fromEntries(earlier.map((c) => [Number(c.ref.slice(2)), c.id])),
      createdEpoch: Date.UTC(2024, 0, 1),
      createdStep: 30_000,
    };
  });
}

/** A pool of chunk builders; `build` resolves with the chunk's COPY parts. */
function workerPool(size: number, context: ChunkContext) {
  const entry = new URL("./worker-entry.mjs", import.meta.url);
  const workerModule = new URL("./worker.ts", import.meta.url).href;
  const pending = new Map<
    number,
    { resolve: (parts: CopyPart[]) => void; reject: (error: Error) => void }
  >();
  const idle: Worker[] = [];
  const queue: { index: number; start: number; count: number }[] = [];
  const workers = Array.from({ length: size }, () => {
    // The app's modules import "server-only", which resolves to nothing under react-server.
    const execArgv = process.execArgv.includes("--conditions=react-server")
      ? process.execArgv
      : [...process.execArgv, "--conditions=react-server"];
    const worker = new Worker(entry, { workerData: { module: workerModule, context }, execArgv });
    worker.on("message", ({ index, parts }: { index: number; parts: CopyPart[] }) => {
      pending.get(index)?.resolve(parts);
      pending.delete(index);
      const next = queue.shift();
      if (next) worker.postMessage(next);
      else idle.push(worker);
    });
    worker.on("error", (error) => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });
  return {
    build(index: number, start: number, count: number): Promise<CopyPart[]> {
      return new Promise((resolve, reject) => {
        pending.set(index, { resolve, reject });
        const worker = idle.shift();
        if (worker) worker.postMessage({ index, start, count });
        else queue.push({ index, start, count });
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

async function copyPart(client: Client, part: CopyPart): Promise<void> {
  if (part.rows === 0) return;
  const columns = part.columns.map((c) => `"${c}"`).join(", ");
  const data = Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
  await pipeline(
    Readable.from([data]),
    client.query(copyFrom(`copy "${part.table}" (${columns}) from stdin with (format binary)`)),
  );
}

// Each loaded reference, checked in one pass per foreign key (what the skipped triggers would have).
const references = [
  ["vouchers", "merchant_id", "merchants"],
  ["vouchers", "owner_id", "customers"],
  ["transfer_listings", "voucher_id", "vouchers"],
  ["transfer_listings", "seller_id", "customers"],
  ["transfer_orders", "listing_id", "transfer_listings"],
  ["transfer_orders", "voucher_id", "vouchers"],
  ["transfer_orders", "buyer_id", "customers"],
  ["transfer_orders", "seller_id", "customers"],
  ["payment_accounts", "customer_id", "customers"],
] as const;

async function assertReferences(client: Client, orgId: string): Promise<void> {
  for (const [table, column, target] of references) {
    const { rows } = await client.query(
      `select count(*)::int as n from "${table}" t where t.org_id = $1 and t."${column}" is not null
         and not exists (select 1 from "${target}" r where r.org_id = t.org_id and r.id = t."${column}")`,
      [orgId],
    );
    if (rows[0].n > 0)
      throw new Error(
        `bulk seed: ${rows[0].n} rows of ${table}.${column} reference no ${target} row`,
      );
  }
}

/** Adds `count` generated customers to the organisation; returns rows loaded per table. */
export async function seedCustomersBulk(options: BulkOptions): Promise<BulkCounts> {
  const { ownerUrl, orgId, count, actor, onProgress } = options;
  const chunkSize = options.chunkSize ?? 5000;
  const context = await chunkContext(orgId);
  const pool = workerPool(
    options.workers ?? Math.max(1, Math.min(2, availableParallelism())),
    context,
  );
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const counts: BulkCounts = {};
  const started = Date.now();
  try {
    // A seed can be rerun; losing the last chunk's commit in a crash costs nothing.
    await client.query("set synchronous_commit = off");
    await client.query("select set_config('app.org_id', $1, false)", [orgId]);
    // Like pg_restore --disable-triggers: skip per-row foreign key checks (half the load time),
    // then check every reference once at the end. Needs a superuser; otherwise checks stay on.
    const unchecked = await client.query("set session_replication_role = replica").then(
      () => true,
      () => false,
    );
    const chunks = Array.from({ length: Math.ceil(count / chunkSize) }, (_, i) => ({
      start: context.firstN + i * chunkSize,
      size: Math.min(chunkSize, count - i * chunkSize),
    }));
    // Workers run ahead of the loader by a few chunks; memory stays bounded.
    const ahead = 4;
    const built = new Map<number, Promise<CopyPart[]>>();
    const request = (i: number) =>
      i < chunks.length && built.set(i, pool.build(i, chunks[i].start, chunks[i].size));
    for (let i = 0; i < ahead; i++) request(i);
    let done = 0;
    for (let i = 0; i < chunks.length; i++) {
      const parts = await built.get(i)!;
      built.delete(i);
      request(i + ahead);
      await client.query("begin");
      for (const part of parts) {
        await copyPart(client, part);
        counts[part.table] = (counts[part.table] ?? 0) + part.rows;
      }
      await client.query("commit");
      done += chunks[i].size;
      const rate = done / ((Date.now() - started) / 1000);
      onProgress?.({ done, total: count, rate, etaSeconds: (count - done) / rate });
    }
    if (unchecked) {
      await client.query("set session_replication_role = origin");
      await assertReferences(client, orgId);
    }
    await client.query(
      "analyze customers, data_keys, vouchers, transfer_listings, transfer_orders, payment_accounts",
    );
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await pool.close();
    await client.end();
  }
  await withTenant(orgId, async (tx) => {
    await recordAudit(tx, orgId, actor, {
      action: "customer.batch_upserted",
      targetType: "customer",
      details: { created: counts.customers ?? 0, updated: 0, unchanged: 0 },
    });
    await recordAudit(tx, orgId, actor, {
      action: "vault.batch_upserted",
      targetType: "vault",
      details: { ...counts },
    });
  });
  return counts;
}
