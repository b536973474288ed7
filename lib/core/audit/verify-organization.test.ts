import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { orgWithEvents, tamper } from "./test-support";
import { chainStatus, verifyOrganizationChain } from "./verify-organization";

afterAll(closeAppDb);

const verify = (orgId: string) => withTenant(orgId, (tx) => verifyOrganizationChain(tx, orgId));
const errorCode = (error: unknown) =>
  (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;

describe("verifyOrganizationChain", () => {
  it("reports an untouched chain intact up to its head, across batch boundaries", async () => {
    const orgId = await orgWithEvents(1100);
    const verdict = await verify(orgId);
    expect(verdict).toMatchObject({ intact: true, lastSeq: 1101 });
    const status = await withTenant(orgId, (tx) => chainStatus(tx, orgId));
    expect(status).toEqual({ headSeq: 1101, lastCheckpoint: undefined });
  });

  it("finds changed details at exactly that event", async () => {
    const orgId = await orgWithEvents(6);
    await tamper((c) =>
      c.query(
        `update audit_events set details = '{"fields":["email"]}' where org_id = $1 and seq = 4`,
        [orgId],
      ),
    );
    expect(await verify(orgId)).toEqual({ intact: false, reason: "broken", brokenAt: 4 });
  });

  it("finds a deleted event at its sequence number", async () => {
    const orgId = await orgWithEvents(6);
    await tamper((c) => c.query("delete from audit_events where org_id = $1 and seq = 3", [orgId]));
    expect(await verify(orgId)).toEqual({ intact: false, reason: "broken", brokenAt: 3 });
  });

  it("finds two reordered events at the first of them", async () => {
    const orgId = await orgWithEvents(6);
    await tamper(async (c) => {
      await c.query("update audit_events set seq = -1 where org_id = $1 and seq = 5", [orgId]);
      await c.query("update audit_events set seq = 5 where org_id = $1 and seq = 6", [orgId]);
      await c.query("update audit_events set seq = 6 where org_id = $1 and seq = -1", [orgId]);
    });
    expect(await verify(orgId)).toEqual({ intact: false, reason: "broken", brokenAt: 5 });
  });

  it("finds a rewritten hash (the link to the next event breaks)", async () => {
    const orgId = await orgWithEvents(6);
    await tamper((c) =>
      c.query(
        `update audit_events set action = 'auth.signed_in', hash = repeat('a', 64) where org_id = $1 and seq = 2`,
        [orgId],
      ),
    );
    expect(await verify(orgId)).toEqual({ intact: false, reason: "broken", brokenAt: 2 });
  });
});

describe("append-only enforcement", () => {
  it("refuses UPDATE, DELETE and TRUNCATE to the application role", async () => {
    const orgId = await orgWithEvents(2);
    const attempts = [
      sql`update audit_events set details = '{}' where seq = 2`,
      sql`delete from audit_events where seq = 2`,
      sql`truncate audit_events`,
      sql`delete from audit_checkpoints`,
    ];
    for (const statement of attempts) {
      const error = await withTenant(orgId, (tx) => tx.execute(statement)).catch((e: unknown) => e);
      expect(errorCode(error)).toBe("42501");
    }
    expect(await verify(orgId)).toMatchObject({ intact: true, lastSeq: 3 });
  });

  it("refuses the owner too unless triggers are switched off", async () => {
    const orgId = await orgWithEvents(2);
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      for (const statement of [
        "update audit_events set details = '{}' where org_id = $1",
        "delete from audit_events where org_id = $1",
      ]) {
        await expect(owner.query(statement, [orgId])).rejects.toThrow(/append-only/);
      }
      await expect(owner.query("truncate audit_events cascade")).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    expect(await verify(orgId)).toMatchObject({ intact: true, lastSeq: 3 });
  });
});
