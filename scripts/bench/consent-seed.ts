/**
 * Bulk seed for the consent benchmark: bare customers (only an external reference: the consent
 * paths never read personal fields) and genuine consent receipts — canonical content hashes,
 * batches with their Merkle roots carried by audit events, and the current state — loaded with
 * binary COPY over the owner connection, secondary indexes built once at the end.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { consentBatches, consentState, customers } from "@/db/schema";
import type { ConsentAction, ConsentChannel } from "@/db/schema/consent";
import { BinaryRows } from "@/db/seed/bulk/copy-binary";
import { prng } from "@/db/seed/people";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { timeOrderedId } from "@/lib/core/ids";
import { merkleRoot } from "@/lib/consent/merkle";
import { receiptHash, type ReceiptContent } from "@/lib/consent/receipt-hash";
import { statusOf } from "@/lib/consent/record";

/** Receipts per seeded batch: 1,000 audit events for 10,000,000 receipts. */
const SEED_BATCH = 10_000;
const CUSTOMER_CHUNK = 100_000;
const DAY = 86_400_000;
const EVENT_COLUMNS =
  "org_id, id, customer_id, purpose_id, action, channel, locale, ip_truncated, user_agent, gpc, source, occurred_at, recorded_at, batch_id, batch_seq, content_hash";
const channels: ConsentChannel[] = ["app", "app", "app", "web", "mini_program", "sms"];

export const customerRef = (n: number) => `bc-${n}`;

interface SeedOptions {
  ownerUrl: string;
  orgId: string;
  customers: number;
  events: number;
  purposeIds: string[];
  onProgress?: (what: string, done: number, total: number) => void;
}

async function copy(
  client: Client,
  part: { table: string; columns: string[]; data: Uint8Array; rows: number },
) {
  if (part.rows === 0) return;
  const data = Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
  await pipeline(
    Readable.from([data]),
    client.query(
      copyFrom(
        `copy "${part.table}" (${part.columns.map((c) => `"${c}"`).join(", ")}) from stdin with (format binary)`,
      ),
    ),
  );
}

/** Secondary indexes of the tables, dropped before the load and created again after it. */
async function dropIndexes(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const row of rows) await client.query(`drop index "${row.name}"`);
  return rows.map((r) => r.def);
}

/**
 * Loads `customers` customers and `events` receipts spread over them (each customer's receipts
 * in time order, several purposes each, later ones overriding earlier ones in the state).
 * Returns the customers' ids (index n-1 is customer bc-n).
 */
export async function seedConsent(options: SeedOptions): Promise<string[]> {
  const { ownerUrl, orgId, purposeIds, onProgress } = options;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const ids = Array.from({ length: options.customers }, () => randomUUID());
  try {
    await client.query("set synchronous_commit = off");
    await client.query("set maintenance_work_mem = '512MB'");
    await client.query("select set_config('app.org_id', $1, false)", [orgId]);
    // Like pg_restore --disable-triggers: no per-row foreign key checks (every reference is built
    // from rows loaded here); needs a superuser, else the checks stay on.
    await client.query("set session_replication_role = replica").catch(() => undefined);
    const indexes = await dropIndexes(client, ["customers", "consent_events", "consent_state"]);

    const created = Date.UTC(2024, 0, 1);
    for (let start = 0; start < ids.length; start += CUSTOMER_CHUNK) {
      const rows = new BinaryRows(customers, ["orgId", "id", "externalRef", "createdAt"]);
      for (let i = start; i < Math.min(ids.length, start + CUSTOMER_CHUNK); i++) {
        rows.add({
          orgId,
          id: ids[i],
          externalRef: customerRef(i + 1),
          createdAt: new Date(created + i * 30_000).toISOString(),
        });
      }
      await copy(client, rows.take());
      onProgress?.("customers", Math.min(ids.length, start + CUSTOMER_CHUNK), ids.length);
    }

    const perCustomer = options.events / ids.length;
    const random = prng(42);
    // Receipts cover the past two years evenly, up to a minute ago: each customer's are random
    // instants of that span, in order (the state is the last of them).
    const latest = Date.now() - 60_000;
    const span = 700 * DAY;
    let customer = 0;
    let made = 0;
    while (made < options.events) {
      const count = Math.min(SEED_BATCH, options.events - made);
      const batchId = timeOrderedId();
      const receipts: ReceiptContent[] = [];
      const state = new Map<string, ReceiptContent>();
      // Whole customers per batch, so each customer's state is settled within one batch.
      while (receipts.length < count && customer < ids.length) {
        const n = Math.max(
          1,
          Math.min(
            count - receipts.length,
            Math.round(perCustomer * (customer + 1)) - Math.round(perCustomer * customer),
          ),
        );
        const times = Array.from({ length: n }, () => latest - Math.floor(random() * span)).sort(
          (a, b) => a - b,
        );
        for (let j = 0; j < n; j++) {
          const at = times[j];
          const purposeId = purposeIds[Math.floor(random() * purposeIds.length)];
          const roll = random();
          const action: ConsentAction = roll < 0.7 ? "grant" : roll < 0.85 ? "withdraw" : "deny";
          const receipt: ReceiptContent = {
            id: timeOrderedId(at + 2000),
            orgId,
            batchId,
            batchSeq: receipts.length,
            customerId: ids[customer],
            purposeId,
            action,
            policyVersionId: null,
            noticeHash: null,
            channel: channels[Math.floor(random() * channels.length)],
            locale: random() < 0.8 ? "zh-CN" : "en",
            ipTruncated: `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.0`,
            userAgent: "PrivacyDeskBench/1.0",
            gpc: false,
            source: "platform_api",
            staffUserId: null,
            staffReason: null,
            occurredAt: new Date(at).toISOString(),
          };
          receipts.push(receipt);
          state.set(`${receipt.customerId}/${purposeId}`, receipt);
        }
        customer += 1;
      }
      if (receipts.length === 0) break;
      const hashes = receipts.map(receiptHash);
      const root = merkleRoot(hashes);
      const auditSeq = await withTenant(orgId, (tx) =>
        recordAudit(
          tx,
          orgId,
          { type: "system", id: "bench" },
          {
            action: "consent.batch_recorded",
            targetType: "consent_batch",
            targetId: batchId,
            details: { batchId, count: receipts.length, merkleRoot: root, source: "platform_api" },
          },
        ),
      );

      const batchRows = new BinaryRows(consentBatches, [
        "orgId",
        "id",
        "source",
        "eventCount",
        "merkleRoot",
        "auditSeq",
        "createdAt",
      ]);
      batchRows.add({
        orgId,
        id: batchId,
        source: "platform_api",
        eventCount: receipts.length,
        merkleRoot: root,
        auditSeq,
        createdAt: new Date(),
      });
      // Text COPY, one template string per row: several times cheaper to build here than the
      // generic binary encoder, and every value is generated (no tab, newline or backslash to escape).
      let eventText = "";
      receipts.forEach((r, i) => {
        eventText +=
          `${orgId}\t${r.id}\t${r.customerId}\t${r.purposeId}\t${r.action}\t${r.channel}\t${r.locale}\t${r.ipTruncated}\t${r.userAgent}\tf\tplatform_api\t` +
          `${r.occurredAt}\t${new Date(Date.parse(r.occurredAt) + 2000).toISOString()}\t${batchId}\t${i}\t\\\\x${hashes[i].toString("hex")}\n`;
      });
      const stateRows = new BinaryRows(consentState, [
        "orgId",
        "customerId",
        "purposeId",
        "status",
        "eventId",
        "gpc",
        "occurredAt",
        "updatedAt",
      ]);
      for (const r of state.values()) {
        stateRows.add({
          orgId,
          customerId: r.customerId,
          purposeId: r.purposeId,
          status: statusOf[r.action],
          eventId: r.id,
          gpc: false,
          occurredAt: r.occurredAt,
          updatedAt: new Date(),
        });
      }
      await client.query("begin");
      await copy(client, batchRows.take());
      await pipeline(
        Readable.from([Buffer.from(eventText)]),
        client.query(copyFrom(`copy consent_events (${EVENT_COLUMNS}) from stdin`)),
      );
      await copy(client, stateRows.take());
      await client.query("commit");
      made += receipts.length;
      onProgress?.("receipts", made, options.events);
    }

    onProgress?.("indexes", 0, indexes.length);
    for (const [i, def] of indexes.entries()) {
      await client.query(def);
      onProgress?.("indexes", i + 1, indexes.length);
    }
    await client.query("set session_replication_role = origin").catch(() => undefined);
    await client.query("analyze customers, consent_events, consent_state, consent_batches");
    return ids;
  } finally {
    await client.end();
  }
}
