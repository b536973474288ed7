import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckpointAction, verifyCheckpointAction } from "@/app/(console)/audit/actions";
import { GET as downloadCheckpoint } from "@/app/(console)/audit/checkpoints/[id]/route";
import { GET as exportCsv } from "@/app/(console)/audit/export/route";
import { closeAppDb } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { recordAudit } from "./record";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let auditorId: string;
let employeeId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, auditorId, employeeId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "auditor"),
    createMember(orgId, "employee"),
  ]);
  await withTenant(orgId, (tx) =>
    recordAudit(
      tx,
      orgId,
      { type: "system", id: "test" },
      { action: "vendor.created", targetType: "vendor", targetId: '=HYPERLINK("x")' },
    ),
  );
});

const head = () => lastAudit(orgId);
const checkpoints = () =>
  withTenant(orgId, (tx) =>
    tx.select().from(auditCheckpoints).where(eq(auditCheckpoints.orgId, orgId)),
  );

describe("audit export route", () => {
  it("exports the filtered log as injection-safe UTF-8 CSV and records the export", async () => {
    await actAs(auditorId, orgId);
    const response = await exportCsv(
      new Request("http://localhost/audit/export?action=vendor.created&targetId="),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(await head()).toMatchObject({
      action: "audit.exported",
      actorId: auditorId,
      details: { filters: ["action"], rows: 1 },
    });
  });

  it("refuses an employee and writes nothing", async () => {
    const before = await head();
    await actAs(employeeId, orgId);
    expect((await exportCsv(new Request("http://localhost/audit/export"))).status).toBe(403);
    expect((await head()).seq).toBe(before.seq);
  });
});

describe("checkpoint actions and download", () => {
  it("lets a privacy officer sign a checkpoint now, recorded in the chain", async () => {
    await actAs(officerId, orgId);
    const before = await head();
    const state = await createCheckpointAction(idle, form({}));
    expect(state).toMatchObject({ status: "ok", message: "audit.checkpoints.created" });
    const [checkpoint] = await checkpoints();
    expect(checkpoint.seq).toBe(before.seq);
    expect(await head()).toMatchObject({
      seq: before.seq + 1,
      action: "audit.checkpoint_created",
      actorId: officerId,
      targetId: checkpoint.id,
    });
  });

  it("refuses checkpoint creation to an auditor, writing nothing", async () => {
    await actAs(auditorId, orgId);
    const before = await head();
    expect(await createCheckpointAction(idle, form({}))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect((await head()).seq).toBe(before.seq);
    expect(await checkpoints()).toHaveLength(1);
  });

  it("downloads a checkpoint that an auditor can paste back and verify, recording the check", async () => {
    await actAs(auditorId, orgId);
    const [checkpoint] = await checkpoints();
    const response = await downloadCheckpoint(new Request("http://localhost/"), {
      params: Promise.resolve({ id: checkpoint.id }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      algorithm: "Ed25519",
      payload: { seq: checkpoint.seq },
      publicKey: expect.stringContaining("PUBLIC KEY"),
    });

    const valid = await verifyCheckpointAction(idle, form({ checkpoint: text }));
    expect(valid).toMatchObject({ status: "ok", data: { verdict: { ok: true } } });
    expect(await head()).toMatchObject({
      action: "audit.checkpoint_verified",
      actorId: auditorId,
      details: { seq: checkpoint.seq, verdict: "valid" },
    });

    const forged = text.replace(/"seq": \d+/, '"seq": 1');
    expect(await verifyCheckpointAction(idle, form({ checkpoint: forged }))).toMatchObject({
      status: "ok",
      data: { verdict: { ok: false, reason: "badSignature" } },
    });
    expect(await head()).toMatchObject({ details: { seq: 1, verdict: "badSignature" } });

    expect(await verifyCheckpointAction(idle, form({ checkpoint: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { checkpoint: expect.any(String) },
    });
  });

  it("answers 404 for an unknown or malformed checkpoint id", async () => {
    await actAs(auditorId, orgId);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect(
        (
          await downloadCheckpoint(new Request("http://localhost/"), {
            params: Promise.resolve({ id }),
          })
        ).status,
      ).toBe(404);
    }
  });
});
