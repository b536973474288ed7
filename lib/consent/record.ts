import "server-only";
import { isIP } from "node:net";
import { sql } from "drizzle-orm";
import { byteaArray } from "@/db/bytea-array";
import type { Tx } from "@/db/client";
import type {
  ConsentAction,
  ConsentChannel,
  ConsentSource,
  ConsentStatus,
} from "@/db/schema/consent";
import type { AuditEntry } from "@/lib/core/audit/record";
import { timeOrderedId } from "@/lib/core/ids";
import { merkleRoot } from "./merkle";
import { receiptHash, type ReceiptContent } from "./receipt-hash";

export type { ConsentAction, ConsentChannel, ConsentSource };

export interface ConsentEventInput {
  customerId: string;
  purposeId: string;
  action: ConsentAction;
  policyVersionId?: string | null;
  /** SHA-256 hex of the notice text shown. */
  noticeHash?: string | null;
  channel: ConsentChannel;
  locale?: string | null;
  /** Truncated already; truncated again here in case a caller forgot (idempotent). */
  ipTruncated?: string | null;
  userAgent?: string | null;
  gpc?: boolean;
  source: ConsentSource;
  staffUserId?: string | null;
  staffReason?: string | null;
  /** ISO instant; stored at millisecond precision, the precision the content hash covers. */
  occurredAt: string;
  /** The verified guardian challenge when a minor's guardian gave this choice (PIPL Art. 31): the receipt is `by_guardian`. */
  guardianChallengeId?: string | null;
}

export interface RecordedBatch {
  batchId: string;
  merkleRoot: string;
  /** One per input event, in input order. */
  receipts: Array<{ id: string; contentHash: string }>;
}

export const statusOf: Record<ConsentAction, ConsentStatus> = {
  grant: "granted",
  deny: "denied",
  withdraw: "withdrawn",
};

const param = (values: unknown[]) => sql.param(values);

/**
 * Writes one batch: events (content hash each), consent_state (newest occurredAt wins), the batch
 * row with its Merkle root, and ONE audit event `consent.batch_recorded` through `audit` (details:
 * batchId, count, merkleRoot, source — nothing personal). All in the caller's transaction.
 *
 * Order: every event and the state in one statement first, then the audit event (it takes the
 * organisation's chain lock, held to commit), then the batch row naming the audit seq that
 * carries its root. The events' foreign key to their batch is checked at commit (DEFERRABLE
 * INITIALLY DEFERRED), so the bulk of the work is done before the lock and an organisation's
 * concurrent batches queue only for the short tail. The caller has checked that customers and
 * purposes exist and belong to `orgId`; RLS and the foreign keys refuse anything else.
 */
export async function recordConsentBatch(
  tx: Tx,
  orgId: string,
  events: ConsentEventInput[],
  audit: (entry: AuditEntry) => Promise<void>,
): Promise<RecordedBatch> {
  if (events.length === 0) throw new Error("a consent batch needs at least one event");
  const source = events[0].source;
  if (events.some((e) => e.source !== source))
    throw new Error("every event of a batch has the same source");
  if (source === "staff" && events.some((e) => !e.staffUserId || !e.staffReason?.trim()))
    throw new Error("staff entries need the staff member and a reason");

  const batchId = timeOrderedId();
  const rows: ReceiptContent[] = events.map((e, index) => {
    const occurred = new Date(e.occurredAt);
    if (Number.isNaN(occurred.getTime()))
      throw new Error(`event ${index}: occurredAt is not an instant`);
    return {
      id: timeOrderedId(),
      orgId,
      batchId,
      batchSeq: index,
      customerId: e.customerId,
      purposeId: e.purposeId,
      action: e.action,
      policyVersionId: e.policyVersionId ?? null,
      noticeHash: e.noticeHash ?? null,
      channel: e.channel,
      locale: e.locale ?? null,
      ipTruncated: truncateIp(e.ipTruncated),
      userAgent: e.userAgent ?? null,
      gpc: e.gpc === true,
      source,
      staffUserId: e.staffUserId ?? null,
      staffReason: e.staffReason ?? null,
      occurredAt: occurred.toISOString(),
      byGuardian: e.guardianChallengeId != null,
      guardianChallengeId: e.guardianChallengeId ?? null,
    };
  });
  const hashes = rows.map(receiptHash);
  const root = merkleRoot(hashes);

  await insertEventsAndState(tx, orgId, rows, hashes);
  await audit({
    action: "consent.batch_recorded",
    targetType: "consent_batch",
    targetId: batchId,
    details: { batchId, count: rows.length, merkleRoot: root, source },
  });
  // The event just written, found by its target (an index lookup), so the batch names the seq that carries its root.
  await tx.execute(sql`insert into consent_batches (org_id, id, source, event_count, merkle_root, audit_seq)
    select ${orgId}, ${batchId}, ${source}, ${rows.length}, ${root},
      (select seq from audit_events where org_id = ${orgId} and target_type = 'consent_batch' and target_id = ${batchId}
         and action = 'consent.batch_recorded' order by seq desc limit 1)`);
  return {
    batchId,
    merkleRoot: root,
    receipts: rows.map((r, i) => ({ id: r.id, contentHash: hashes[i].toString("hex") })),
  };
}

/**
 * Every receipt in one INSERT … SELECT FROM unnest(…), and the current state in the same
 * statement: per customer and purpose the newest event of the batch (a later occurredAt wins; on
 * a tie the later one in the batch), applied only over an older state.
 */
async function insertEventsAndState(
  tx: Tx,
  orgId: string,
  rows: ReceiptContent[],
  hashes: Buffer[],
): Promise<void> {
  const col = <K extends keyof ReceiptContent>(key: K) => param(rows.map((r) => r[key]));
  await tx.execute(sql`
    with u as (
      select * from unnest(
        ${col("id")}::uuid[], ${col("customerId")}::uuid[], ${col("purposeId")}::uuid[], ${col("action")}::text[],
        ${col("policyVersionId")}::uuid[], ${col("noticeHash")}::text[], ${col("channel")}::text[], ${col("locale")}::text[],
        ${col("ipTruncated")}::text[], ${col("userAgent")}::text[], ${col("gpc")}::boolean[], ${col("staffUserId")}::uuid[],
        ${col("staffReason")}::text[], ${col("occurredAt")}::timestamptz[], ${col("batchSeq")}::int[], ${byteaArray(hashes)},
        ${col("guardianChallengeId")}::uuid[]
      ) as t(id, customer_id, purpose_id, action, policy_version_id, notice_hash, channel, locale,
             ip_truncated, user_agent, gpc, staff_user_id, staff_reason, occurred_at, batch_seq, content_hash, guardian_challenge_id)
    ), inserted as (
      insert into consent_events (org_id, id, customer_id, purpose_id, action, policy_version_id, notice_hash, channel, locale,
        ip_truncated, user_agent, gpc, source, staff_user_id, staff_reason, occurred_at, batch_id, batch_seq, content_hash,
        by_guardian, guardian_challenge_id)
      select ${orgId}::uuid, id, customer_id, purpose_id, action, policy_version_id, notice_hash, channel, locale,
        ip_truncated, user_agent, gpc, ${rows[0].source}::text, staff_user_id, staff_reason, occurred_at, ${rows[0].batchId}::uuid, batch_seq, content_hash,
        guardian_challenge_id is not null, guardian_challenge_id
      from u
    )
    insert into consent_state (org_id, customer_id, purpose_id, status, event_id, policy_version_id, gpc, by_guardian, occurred_at)
    select distinct on (customer_id, purpose_id) ${orgId}::uuid, customer_id, purpose_id,
      case action when 'grant' then 'granted' when 'deny' then 'denied' else 'withdrawn' end,
      id, policy_version_id, gpc, guardian_challenge_id is not null, occurred_at
    from u
    order by customer_id, purpose_id, occurred_at desc, batch_seq desc
    on conflict (org_id, customer_id, purpose_id) do update set
      status = excluded.status, event_id = excluded.event_id, policy_version_id = excluded.policy_version_id,
      gpc = excluded.gpc, by_guardian = excluded.by_guardian, occurred_at = excluded.occurred_at, updated_at = now()
    where excluded.occurred_at >= consent_state.occurred_at`);
}

/** Eight 16-bit groups of an IPv6 address (an embedded IPv4 tail included), or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    text =
      text.slice(0, -v4[1].length) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, extra] = text.split("::");
  if (extra !== undefined) return null;
  const parse = (part: string | undefined) =>
    part ? part.split(":").map((g) => parseInt(g, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/**
 * The network part only: /24 for IPv4 (`203.0.113.0`), /48 for IPv6 (`2001:db8:85a3::`); an
 * IPv4-mapped IPv6 address counts as IPv4. Anything that is not an address gives null, so a
 * malformed value is never stored. Idempotent: a truncated address truncates to itself.
 */
export function truncateIp(ip: string | null | undefined): string | null {
  const value = ip?.trim().replace(/%.*$/, "");
  if (!value) return null;
  if (isIP(value) === 4) return value.split(".").slice(0, 3).map(Number).join(".") + ".0";
  if (isIP(value) !== 6) return null;
  const groups = ipv6Groups(value);
  if (!groups) return null;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.0`;
  }
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(":")}::`;
}
