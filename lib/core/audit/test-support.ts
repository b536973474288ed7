import { Client } from "pg";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { createOrg } from "@/tests/factories";
import { expect } from "vitest";
import { createCheckpoint } from "./checkpoint";
import { hashEvent, type ChainedEvent } from "./hash";
import { recordAudit } from "./record";

const SYSTEM = { type: "system" as const, id: "test" };

/** A new organisation whose chain holds `count` events after its creation event (#1). */
export async function orgWithEvents(count: number): Promise<string> {
  const { orgId } = await createOrg();
  await withTenant(orgId, async (tx) => {
    for (let i = 0; i < count; i++) {
      await recordAudit(
        tx,
        orgId,
        { type: "system", id: "test" },
        {
          action: "vendor.updated",
          targetType: "vendor",
          targetId: `v-${i}`,
          details: { fields: ["name"], n: i },
        },
      );
    }
  });
  return orgId;
}

/**
 * Runs SQL as the database owner with triggers off (session_replication_role = replica): what an
 * attacker holding the owner's credentials could do, which only the chain can reveal.
 */
export async function tamper(statements: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await statements(client);
    await client.query("commit");
  } finally {
    await client.end();
  }
}

/** Signs a checkpoint of the organisation's head now. */
export const checkpoint = (orgId: string) =>
  inTenant(orgId, SYSTEM, (ctx) => createCheckpoint(ctx));
export const append = (orgId: string, count: number) =>
  withTenant(orgId, async (tx) => {
    for (let i = 0; i < count; i++)
      await recordAudit(tx, orgId, SYSTEM, { action: "vendor.created", targetType: "vendor" });
  });

/**
 * An organisation with checkpoints at #5 and #12 and events up to #15: #1 created, #2–#5 events,
 * checkpoint of #5 (its record is #6), #7–#12 events, checkpoint of #12 (record #13), #14–#15.
 */
export async function orgWithCheckpoints(): Promise<string> {
  const orgId = await orgWithEvents(4);
  expect(await checkpoint(orgId)).toMatchObject({ seq: 5 });
  await append(orgId, 6);
  expect(await checkpoint(orgId)).toMatchObject({ seq: 12 });
  await append(orgId, 2);
  return orgId;
}

/**
 * What a database superuser can do: change event #`from` and recompute every later hash and link,
 * so that re-hashing from #1 finds nothing wrong.
 */
export async function rewriteFrom(orgId: string, from: number): Promise<void> {
  await tamper(async (c) => {
    const { rows } = await c.query(
      `select org_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, details, prev_hash, hash
         from audit_events where org_id = $1 order by seq`,
      [orgId],
    );
    let prevHash = rows[from - 2].hash as string;
    for (const row of rows.slice(from - 1)) {
      const event: ChainedEvent = {
        orgId,
        seq: Number(row.seq),
        occurredAt: new Date(row.occurred_at).toISOString(),
        actorType: row.actor_type,
        actorId: row.actor_id,
        action: Number(row.seq) === from ? "auth.signed_in" : row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        details: row.details,
        prevHash,
      };
      const hash = hashEvent(event);
      await c.query(
        "update audit_events set action = $3, prev_hash = $4, hash = $5 where org_id = $1 and seq = $2",
        [orgId, event.seq, event.action, prevHash, hash],
      );
      prevHash = hash;
    }
  });
}
