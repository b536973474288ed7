import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { tenantContext } from "@/lib/core/tenancy/context";
import { auditCheckpointJob } from "./checkpoint-job";
import { checkpointDocument, createCheckpoint } from "./checkpoint";
import {
  keyIdOf,
  verifyCheckpointSignature,
  type CheckpointDocument,
} from "./checkpoint-signature";
import { verifyCheckpointAgainstChain } from "./checkpoint-verify";
import { recordAudit } from "./record";
import { auditSigningKey } from "./signing-key";
import { orgWithEvents, tamper } from "./test-support";

afterAll(closeAppDb);

const system = { type: "system" as const, id: "test" };

/** Signs a checkpoint of the org's head and returns its downloadable document. */
async function checkpointOf(orgId: string): Promise<CheckpointDocument> {
  return withTenant(orgId, async (tx) => {
    const checkpoint = await createCheckpoint(tenantContext(tx, orgId, system));
    return (await checkpointDocument(tx, orgId, checkpoint!.id))!;
  });
}
const againstChain = (orgId: string, json: unknown) =>
  withTenant(orgId, (tx) => verifyCheckpointAgainstChain(tx, json));

describe("checkpoints", () => {
  it("signs the head before its own event, and records that event in the same transaction", async () => {
    const orgId = await orgWithEvents(3);
    const document = await checkpointOf(orgId);
    expect(document.payload).toMatchObject({ orgId, seq: 4, keyId: auditSigningKey().keyId });
    expect(document.keyId).toBe(keyIdOf(document.publicKey));
    const [head] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, 5))),
    );
    expect(head).toMatchObject({
      action: "audit.checkpoint_created",
      actorType: "system",
      targetType: "audit_checkpoint",
      details: { seq: 4 },
    });
    const [stored] = await withTenant(orgId, (tx) => tx.select().from(auditCheckpoints));
    expect(stored.hash).toBe(document.payload.hash);
  });

  it("round-trips: the JSON alone verifies with the public key, and against the chain", async () => {
    const orgId = await orgWithEvents(2);
    const document = await checkpointOf(orgId);
    const text = JSON.stringify(document);
    expect(verifyCheckpointSignature(text, document.publicKey)).toMatchObject({
      valid: true,
      payload: { seq: 3 },
    });
    expect(await againstChain(orgId, text)).toMatchObject({ ok: true, payload: { seq: 3 } });
  });

  it("rejects an altered payload, an altered signature, another key and junk", async () => {
    const orgId = await orgWithEvents(2);
    const document = await checkpointOf(orgId);
    const key = document.publicKey;
    const signature = Buffer.from(document.signature, "base64");
    signature[0] ^= 1;
    expect(
      verifyCheckpointSignature({ ...document, payload: { ...document.payload, seq: 2 } }, key),
    ).toMatchObject({ valid: false, reason: "badSignature" });
    expect(
      verifyCheckpointSignature(
        { ...document, payload: { ...document.payload, hash: "f".repeat(64) } },
        key,
      ),
    ).toMatchObject({ valid: false, reason: "badSignature" });
    expect(
      verifyCheckpointSignature({ ...document, signature: signature.toString("base64") }, key),
    ).toMatchObject({ valid: false, reason: "badSignature" });
    const other = generateKeyPairSync("ed25519")
      .publicKey.export({ format: "pem", type: "spki" })
      .toString();
    expect(verifyCheckpointSignature(document, other)).toMatchObject({
      valid: false,
      reason: "unknownKey",
    });
    expect(verifyCheckpointSignature("{not json", key)).toEqual({
      valid: false,
      reason: "malformed",
    });
    expect(
      verifyCheckpointSignature({ ...document, payload: { ...document.payload, extra: 1 } }, key),
    ).toEqual({ valid: false, reason: "malformed" });
    // Swapping in the attacker's key inside the file does not help: the verifier uses its own.
    expect(
      await againstChain(orgId, { ...document, signature: signature.toString("base64") }),
    ).toMatchObject({ ok: false, reason: "badSignature" });
  });

  it("fails against the chain once events before it are changed, removed, or belong elsewhere", async () => {
    const changed = await orgWithEvents(4);
    const changedDoc = await checkpointOf(changed);
    await tamper((c) =>
      c.query(`update audit_events set details = '{}' where org_id = $1 and seq = 3`, [changed]),
    );
    expect(await againstChain(changed, changedDoc)).toMatchObject({
      ok: false,
      reason: "chainBroken",
      brokenAt: 3,
    });

    const rehashed = await orgWithEvents(4);
    const rehashedDoc = await checkpointOf(rehashed);
    await tamper((c) =>
      c.query(`update audit_events set hash = repeat('b', 64) where org_id = $1 and seq = 5`, [
        rehashed,
      ]),
    );
    expect(await againstChain(rehashed, rehashedDoc)).toMatchObject({
      ok: false,
      reason: "hashMismatch",
    });

    const truncated = await orgWithEvents(4);
    const truncatedDoc = await checkpointOf(truncated);
    await tamper((c) =>
      c.query("delete from audit_events where org_id = $1 and seq >= 5", [truncated]),
    );
    expect(await againstChain(truncated, truncatedDoc)).toMatchObject({
      ok: false,
      reason: "missingEvent",
    });

    const elsewhere = await orgWithEvents(1);
    expect(await againstChain(elsewhere, changedDoc)).toMatchObject({
      ok: false,
      reason: "otherOrganization",
    });
  });

  it("events appended after a checkpoint do not invalidate it", async () => {
    const orgId = await orgWithEvents(2);
    const document = await checkpointOf(orgId);
    await withTenant(orgId, (tx) =>
      recordAudit(tx, orgId, system, { action: "vendor.created", targetType: "vendor" }),
    );
    expect(await againstChain(orgId, document)).toMatchObject({ ok: true });
  });

  it("refuses to sign a tampered chain, checking what was appended since the last checkpoint", async () => {
    const fresh = await orgWithEvents(4);
    await tamper((c) =>
      c.query(`update audit_events set details = '{"x":1}' where org_id = $1 and seq = 2`, [fresh]),
    );
    await expect(checkpointOf(fresh)).rejects.toMatchObject({ code: "chainBroken" });

    const later = await orgWithEvents(3);
    await checkpointOf(later);
    await withTenant(later, (tx) =>
      recordAudit(tx, later, system, { action: "vendor.created", targetType: "vendor" }),
    );
    await tamper((c) =>
      c.query(`update audit_events set details = '{"x":1}' where org_id = $1 and seq = 6`, [later]),
    );
    await expect(checkpointOf(later)).rejects.toMatchObject({ code: "chainBroken" });
    expect(
      await withTenant(later, async (tx) => (await tx.select().from(auditCheckpoints)).length),
    ).toBe(1);
  });

  it("does not take a checkpoint row it did not sign as a shortcut", async () => {
    const orgId = await orgWithEvents(4);
    await tamper(async (c) => {
      await c.query(`update audit_events set details = '{"x":1}' where org_id = $1 and seq = 2`, [
        orgId,
      ]);
      // A forged "checkpoint" at the head would otherwise make the signer verify nothing.
      await c.query(
        `insert into audit_checkpoints (org_id, seq, hash, signed_at, key_id, signature)
         select org_id, seq, hash, now(), 'forged', 'AAAA' from audit_events where org_id = $1 order by seq desc limit 1`,
        [orgId],
      );
    });
    await expect(checkpointOf(orgId)).rejects.toMatchObject({ code: "chainBroken" });
  });

  it("the hourly job checkpoints organisations that moved and skips idle ones", async () => {
    const orgId = await orgWithEvents(1);
    const count = () =>
      withTenant(orgId, async (tx) => (await tx.select().from(auditCheckpoints)).length);
    // Other tests leave deliberately tampered organisations behind: the job reports them as
    // failed but still serves every other organisation.
    const run = () => auditCheckpointJob.run({}).catch(() => undefined);
    await run();
    expect(await count()).toBe(1);
    await run();
    expect(await count()).toBe(1);
    await withTenant(orgId, (tx) =>
      recordAudit(tx, orgId, system, { action: "vendor.updated", targetType: "vendor" }),
    );
    await run();
    expect(await count()).toBe(2);
    expect(auditCheckpointJob.cron).toBe("0 * * * *");
  });
});
