import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { upsertCustomers } from "@/lib/customers/commands";
import { orgWithOfficer } from "@/tests/factories";
import { workingCalendarOf } from "./calendar-store";
import { assignRequest, createRequest, moveRequest, type NewRequest } from "./commands";
import { medianDaysToClose, openRequestsBySla, weeklyVolume } from "./overview";
import {
  dueSoonBounds,
  requestQueue,
  slaFilters,
  type QueueRow,
  type RequestQueueQuery,
} from "./queue";
import { WorkingCalendar } from "./working-calendar";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

const TODAY = "2026-03-02";
let orgId: string;
let officerId: string;
const ids: Record<string, string> = {};

function inTenant<T>(fn: (ctx: TenantContext) => Promise<T>): Promise<T> {
  return withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
}
const queue = (query: RequestQueueQuery, pageSize?: number) =>
  withTenant(orgId, (tx) => requestQueue(tx, orgId, officerId, query, { today: TODAY, pageSize }));
const refs = (rows: QueueRow[]) => rows.map((r) => r.id);

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  const [pipl, gdpr, pipl2] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        {
          externalRef: "q-1",
          displayName: "王小明",
          phone: "+8613900139001",
          laws: ["PIPL"],
          region: "CN-SH",
        },
        { externalRef: "q-2", email: "q2@example.com", laws: [], region: "DE" },
        { externalRef: "q-3", phone: "+8613900139003", laws: ["PIPL"], region: "CN-BJ" },
      ])
    ).map((r) => r.id),
  );
  const make = (
    name: string,
    input: Partial<NewRequest> & Pick<NewRequest, "type" | "customerId" | "receivedAt">,
  ) =>
    inTenant(async (ctx) => {
      ids[name] = (
        await createRequest(ctx, {
          channel: "phone",
          locale: "zh-CN",
          verifiedOn: null,
          identityMethod: null,
          ...input,
        })
      ).id;
    });
  await make("onTrack", {
    type: "access",
    customerId: pipl,
    receivedAt: new Date("2026-02-12T12:00:00Z"),
    verifiedOn: "2026-02-12",
    identityMethod: "phone_callback",
  }); // due 03-11
  await make("overdue", {
    type: "erasure",
    customerId: pipl,
    receivedAt: new Date("2026-02-02T12:00:00Z"),
    verifiedOn: "2026-02-02",
    identityMethod: "phone_callback",
  }); // due 02-28
  await make("dueSoon", {
    type: "portability",
    customerId: gdpr,
    receivedAt: new Date("2026-02-03T12:00:00Z"),
  }); // GDPR: due 03-03
  await make("paused", {
    type: "access",
    customerId: gdpr,
    receivedAt: new Date("2026-02-20T12:00:00Z"),
    verifiedOn: "2026-02-20",
    identityMethod: "email_reply",
  });
  await inTenant((ctx) => moveRequest(ctx, ids.paused, "in_progress", { today: "2026-02-23" }));
  await inTenant((ctx) =>
    moveRequest(ctx, ids.paused, "awaiting_requester", { today: "2026-02-25" }),
  );
  await make("notStarted", {
    type: "question",
    customerId: pipl2,
    receivedAt: new Date("2026-02-26T12:00:00Z"),
  });
  await make("closed", {
    type: "rectification",
    customerId: pipl2,
    receivedAt: new Date("2026-02-16T12:00:00Z"),
    verifiedOn: "2026-02-16",
    identityMethod: "id_document",
  });
  await inTenant((ctx) => moveRequest(ctx, ids.closed, "in_progress", { today: "2026-02-24" }));
  await inTenant((ctx) => moveRequest(ctx, ids.closed, "completed", { today: "2026-02-27" }));
  await make("duplicate", {
    type: "access",
    customerId: pipl,
    receivedAt: new Date("2026-02-13T12:00:00Z"),
    verifiedOn: "2026-02-13",
    identityMethod: "portal_code",
  });
  await inTenant((ctx) => assignRequest(ctx, ids.onTrack, officerId));
});

describe("due-soon boundaries", () => {
  it("count three working days on the PRC calendar (Spring Festival, makeup Saturday) and three weekdays for business days", async () => {
    const calendar = await withTenant(orgId, (tx) => workingCalendarOf(tx, orgId));
    // After Thu 12 Feb: Fri 13, Sat 14 (makeup workday), then the holiday until 23 Feb: Tue 24 is the 3rd, Wed 25 the 4th.
    expect(dueSoonBounds("2026-02-12", calendar)).toEqual({
      today: "2026-02-12",
      byUnit: {
        working_days: "2026-02-24",
        business_days: "2026-02-17",
        calendar_days: "2026-02-15",
      },
    });
    // Without the year's calendar the count is provisional (never later): 14–15 Feb may be make-up days.
    expect(dueSoonBounds("2026-02-12", new WorkingCalendar()).byUnit.working_days).toBe(
      "2026-02-15",
    );
  });
});

describe("the request queue", () => {
  it("filters each SLA state with SQL on the due date, matching the row's own badge", async () => {
    const expected = {
      on_track: [ids.onTrack],
      overdue: [ids.overdue],
      due_soon: [ids.dueSoon],
      paused: [ids.paused],
      not_started: [ids.notStarted],
    };
    for (const sla of slaFilters) {
      const { rows } = await queue({ sla });
      expect(refs(rows), sla).toEqual(expected[sla]);
      expect(
        rows.every((r) => r.sla === sla),
        sla,
      ).toBe(true);
    }
  });

  it("sorts by due date with undated requests last, and pages by keyset without gaps or repeats", async () => {
    const all = (await queue({})).rows;
    expect(all).toHaveLength(7);
    const dated = all.filter((r) => r.dueOn !== null).map((r) => r.dueOn!);
    expect(dated).toEqual([...dated].sort());
    expect(all.slice(dated.length).every((r) => r.dueOn === null)).toBe(true);
    expect(all[0].id).toBe(ids.overdue);

    const paged: QueueRow[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await queue({ cursor }, 2);
      paged.push(...page.rows);
      if (!page.next) break;
      cursor = page.next;
    }
    expect(refs(paged)).toEqual(refs(all));
  });

  it("filters by status, type, law and assignee", async () => {
    expect(new Set(refs((await queue({ status: "open" })).rows))).toEqual(
      new Set([ids.onTrack, ids.overdue, ids.dueSoon, ids.paused, ids.notStarted]),
    );
    expect(refs((await queue({ status: "completed", type: "rectification" })).rows)).toEqual([
      ids.closed,
    ]);
    expect(refs((await queue({ status: "all" })).rows)).toEqual(
      expect.arrayContaining([ids.onTrack, ids.closed]),
    );
    expect(new Set(refs((await queue({ law: "GDPR" })).rows))).toEqual(
      new Set([ids.dueSoon, ids.paused]),
    );
    expect(refs((await queue({ assignee: "mine" })).rows)).toEqual([ids.onTrack]);
    expect(refs((await queue({ assignee: "unassigned" })).rows)).not.toContain(ids.onTrack);
  });

  it("shows customers by their stored masks only, and marks duplicates", async () => {
    const { rows } = await queue({});
    const row = rows.find((r) => r.id === ids.onTrack)!;
    expect(row).toMatchObject({
      customerRef: "q-1",
      law: "PIPL",
      sla: "on_track",
      remaining: 7,
      dueOn: "2026-03-11",
    });
    expect(row.customerName).toMatch(/^王/);
    expect(row.customerName).not.toContain("小明");
    expect(JSON.stringify(rows)).not.toMatch(/13900139|q2@example/);
    expect(rows.find((r) => r.id === ids.duplicate)).toMatchObject({
      duplicate: true,
      status: "completed",
      sla: null,
    });
  });
});

describe("overview numbers", () => {
  it("counts open requests per SLA state like the queue filters", async () => {
    expect(await withTenant(orgId, (tx) => openRequestsBySla(tx, orgId, TODAY))).toEqual({
      on_track: 1,
      due_soon: 1,
      overdue: 1,
      paused: 1,
      not_started: 1,
    });
  });

  it("gives the median days to close per type, leaving duplicates out", async () => {
    const rows = await withTenant(orgId, (tx) => medianDaysToClose(tx, orgId));
    expect(rows.map((r) => r.type)).toEqual(["rectification"]);
    expect(rows[0].count).toBe(1);
    expect(rows[0].median).toBeGreaterThan(0);
  });

  it("counts requests received per week and type", async () => {
    const volume = await withTenant(orgId, (tx) => weeklyVolume(tx, orgId, 6, TODAY));
    expect(volume.weeks).toEqual([
      "2026-01-26",
      "2026-02-02",
      "2026-02-09",
      "2026-02-16",
      "2026-02-23",
      "2026-03-02",
    ]);
    expect(volume.byType.access).toEqual([0, 0, 1, 1, 0, 0]);
    expect(volume.byType.erasure).toEqual([0, 1, 0, 0, 0, 0]);
    expect(volume.byType.question).toEqual([0, 0, 0, 0, 1, 0]);
  });
});
