import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { createMember, createOrg } from "@/tests/factories";
import { listAuditEvents, type AuditFilters } from "./queries";
import { recordAudit } from "./record";
import { chainStatus } from "./verify-organization";

afterAll(closeAppDb);

let orgId: string;
let ownerId: string;
let officerId: string;
/** Seq of the last event before this file's own (member set-up may record events too). */
let base: number;
const seqs = (...ks: number[]) => ks.map((k) => base + k);

beforeAll(async () => {
  ({ orgId, ownerId } = await createOrg());
  officerId = await createMember(orgId, "privacy_officer");
  base = (await withTenant(orgId, (tx) => chainStatus(tx, orgId))).headSeq;
  await withTenant(orgId, async (tx) => {
    for (let i = 0; i < 7; i++) {
      const actor =
        i % 2 === 0
          ? { type: "user" as const, id: officerId }
          : { type: "system" as const, id: "job" };
      await recordAudit(tx, orgId, actor, {
        action: i < 5 ? "vendor.updated" : "vendor.archived",
        targetType: "vendor",
        targetId: `v-${i % 3}`,
      });
    }
  });
  // A second organisation's events must never show up.
  const other = await createOrg();
  await withTenant(other.orgId, (tx) =>
    recordAudit(
      tx,
      other.orgId,
      { type: "user", id: officerId },
      { action: "vendor.updated", targetType: "vendor", targetId: "v-0" },
    ),
  );
});

const list = (filters: AuditFilters, cursor?: number, limit = 50) =>
  withTenant(orgId, (tx) => listAuditEvents(tx, filters, { cursor, limit }));
const day = 24 * 3600 * 1000;

describe("listAuditEvents", () => {
  it("lists the organisation's events newest first, with staff names for user actors", async () => {
    const { rows, nextCursor } = await list({});
    expect(rows.map((r) => r.seq).slice(0, 7)).toEqual(seqs(7, 6, 5, 4, 3, 2, 1));
    expect(rows.at(-1)).toMatchObject({ seq: 1, action: "organization.created" });
    expect(nextCursor).toBeUndefined();
    expect(rows[0]).toMatchObject({
      actorType: "user",
      actorId: officerId,
      actorName: "Test privacy_officer",
      action: "vendor.archived",
      targetId: "v-0",
    });
    expect(rows[1]).toMatchObject({ actorType: "system", actorId: "job", actorName: null });
    expect(rows[0].occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it("filters by actor, action, target and time", async () => {
    expect((await list({ actorId: officerId })).rows.map((r) => r.seq)).toEqual(seqs(7, 5, 3, 1));
    expect((await list({ actorId: ownerId })).rows).toEqual([]);
    expect((await list({ action: "vendor.archived" })).rows.map((r) => r.seq)).toEqual(seqs(7, 6));
    expect((await list({ targetType: "vendor", targetId: "v-1" })).rows.map((r) => r.seq)).toEqual(
      seqs(5, 2),
    );
    expect((await list({ targetType: "organization" })).rows.map((r) => r.seq)).toEqual([1]);
    expect(
      (await list({ from: new Date(Date.now() - day), to: new Date(Date.now() + day) })).rows,
    ).toHaveLength(base + 7);
    expect((await list({ from: new Date(Date.now() + day) })).rows).toEqual([]);
    expect((await list({ to: new Date(Date.now() - day) })).rows).toEqual([]);
  });

  it("pages with a keyset cursor on seq, filters included", async () => {
    const first = await list({}, undefined, 3);
    expect(first.rows.map((r) => r.seq)).toEqual(seqs(7, 6, 5));
    expect(first.nextCursor).toBe(base + 5);
    const second = await list({}, first.nextCursor, 3);
    expect(second.rows.map((r) => r.seq)).toEqual(seqs(4, 3, 2));
    const rest = await list({}, second.nextCursor, 50);
    expect(rest.rows.map((r) => r.seq)).toEqual(
      Array.from({ length: base + 1 }, (_, i) => base + 1 - i),
    );
    expect(rest.nextCursor).toBeUndefined();

    const filtered = await list({ action: "vendor.updated" }, undefined, 2);
    expect(filtered.rows.map((r) => r.seq)).toEqual(seqs(5, 4));
    expect(
      (await list({ action: "vendor.updated" }, filtered.nextCursor, 2)).rows.map((r) => r.seq),
    ).toEqual(seqs(3, 2));
  });
});
