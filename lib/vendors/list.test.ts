import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/(console)/vendors/export/route";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { encodeCursor } from "@/lib/core/pagination/cursor";
import { actAs, createMember, createOrg } from "@/tests/factories";
import { addDays, todayIso } from "@/lib/core/dates";
import { setVendorArchived } from "./commands";
import { listVendors } from "./list";
import type { VendorListQuery } from "./list-query";
import type { VendorInput } from "./schemas";
import { commandContext, insertVendor, vendorsOf } from "./test-support";
import { lastAudit } from "@/tests/audit";

afterAll(closeAppDb);

const today = todayIso();
let orgId: string;
let otherOrgId: string;
const otherIds: string[] = [];

/** 60 vendors with every combination the filters and sorts care about, some sharing a name. */
function specFor(i: number): Partial<VendorInput> {
  const dpa = i % 4;
  return {
    name: i % 10 === 0 ? "Shared name" : `vendor-${String(i).padStart(2, "0")}`,
    service: i % 7 === 0 ? "Payment GATEWAY 100%" : "sms",
    crossBorder: i % 3 === 0,
    handlerRole: (["entrusted_processor", "independent_handler", "joint_handler"] as const)[
      (i % 4) % 3
    ],
    risk: {
      volume: ["under10k", "under1m", "over1m"][i % 3],
      access: ["transit", "stores", "direct"][(i >> 1) % 3],
      subprocessors: "none",
      incidents: i % 11 === 0 ? "breach" : "none",
      deletion: "verified",
      assessment: ["audited", "questionnaire", "none"][(i % 5) % 3],
    },
    nextReviewOn: addDays(today, (i % 13) * 20 - 60),
    dpaStatus: dpa === 0 ? "none" : dpa === 1 ? "draft" : "signed",
    dpaSignedOn: dpa >= 2 ? addDays(today, -400) : undefined,
    dpaExpiresOn:
      dpa === 2 ? addDays(today, (i % 5) * 15) : dpa === 3 ? addDays(today, -3) : undefined,
  };
}

beforeAll(async () => {
  ({ orgId } = await createOrg());
  ({ orgId: otherOrgId } = await createOrg());
  for (let i = 0; i < 60; i++) {
    const id = await insertVendor(orgId, specFor(i), today);
    if (i % 15 === 14)
      await withTenant(orgId, (tx) =>
        setVendorArchived(commandContext(tx, orgId), id, true, today),
      );
  }
  for (let i = 0; i < 5; i++) otherIds.push(await insertVendor(otherOrgId, specFor(i), today));
});

const base: VendorListQuery = { sort: "name", dir: "asc" };
const page = (query: VendorListQuery, size: number) =>
  withTenant(orgId, (tx) => listVendors(tx, orgId, query, size));

/** Follows "next page" to the end, collecting ids. */
async function walk(query: VendorListQuery, size: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const result = await page({ ...query, cursor }, size);
    expect(result.rows.length).toBeLessThanOrEqual(size);
    ids.push(...result.rows.map((r) => r.id));
    cursor = result.next;
    if (!cursor) break;
  }
  return ids;
}

describe("vendor list: keyset pagination and sorting", () => {
  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["risk", "desc"],
    ["risk", "asc"],
    ["nextReview", "asc"],
    ["updated", "desc"],
  ] as const)("walks every page sorted by %s %s with no duplicates or gaps", async (sort, dir) => {
    const query = { ...base, sort, dir };
    const everything = (await page(query, 1000)).rows;
    expect(everything).toHaveLength(56);
    for (const size of [25, 7]) {
      const ids = await walk(query, size);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(everything.map((r) => r.id));
    }
  });

  it("orders by the chosen column", async () => {
    const byRisk = (await page({ ...base, sort: "risk", dir: "desc" }, 1000)).rows.map(
      (r) => r.riskScore,
    );
    expect(byRisk).toEqual([...byRisk].sort((a, b) => b - a));
    const byReview = (await page({ ...base, sort: "nextReview", dir: "asc" }, 1000)).rows.map(
      (r) => r.nextReviewOn,
    );
    expect(byReview).toEqual([...byReview].sort());
  });

  it("starts again at the first page for a cursor it cannot use", async () => {
    const first = (await page(base, 25)).rows.map((r) => r.id);
    expect((await page({ ...base, cursor: "not-a-cursor" }, 25)).rows.map((r) => r.id)).toEqual(
      first,
    );
    const numeric = encodeCursor({ v: 3, id: "00000000-0000-0000-0000-000000000000" });
    expect((await page({ ...base, cursor: numeric }, 25)).rows.map((r) => r.id)).toEqual(first);
  });
});

describe("vendor list: filters and search", () => {
  const active = async () => (await vendorsOf(orgId)).filter((v) => v.archivedAt === null);
  const ids = async (query: Partial<VendorListQuery>) =>
    (await walk({ ...base, ...query }, 25)).sort();

  it.each([
    ["tier", { tier: "high" }, (v: { riskTier: string }) => v.riskTier === "high"],
    ["DPA status", { dpa: "draft" }, (v: { dpaStatus: string }) => v.dpaStatus === "draft"],
    [
      "missing DPA",
      { dpa: "missing" },
      (v: { dpaStatus: string }) => ["none", "draft", "expired"].includes(v.dpaStatus),
    ],
    ["expiring DPA", { dpa: "expiring" }, (v: { dpaExpiring: boolean }) => v.dpaExpiring],
    ["domestic only", { crossBorder: "no" }, (v: { crossBorder: boolean }) => !v.crossBorder],
    [
      "role under PIPL",
      { role: "joint_handler" },
      (v: { handlerRole: string }) => v.handlerRole === "joint_handler",
    ],
    [
      "review overdue",
      { review: "overdue" },
      (v: { reviewState: string }) => v.reviewState === "overdue",
    ],
    ["review due", { review: "due" }, (v: { reviewState: string }) => v.reviewState === "due"],
    [
      "search, case-insensitive, on service",
      { q: "gateway" },
      (v: { service: string }) => v.service.includes("GATEWAY"),
    ],
    ["search on name", { q: "SHARED" }, (v: { name: string }) => v.name === "Shared name"],
    [
      "search with LIKE wildcards taken literally",
      { q: "0%" },
      (v: { service: string }) => v.service.includes("0%"),
    ],
    [
      "filters together",
      { tier: "medium", crossBorder: "yes" },
      (v: { riskTier: string; crossBorder: boolean }) => v.riskTier === "medium" && v.crossBorder,
    ],
  ] as const)(
    "by %s returns exactly the matching active vendors",
    async (_name, query, matches) => {
      const expected = (await active())
        .filter((v) => (matches as (v: unknown) => boolean)(v))
        .map((v) => v.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(await ids(query as Partial<VendorListQuery>)).toEqual(expected);
    },
  );

  it("treats _ as a character, not a wildcard", async () =>
    expect(await ids({ q: "_" })).toEqual([]));

  it("hides archived vendors unless asked", async () => {
    const all = (await vendorsOf(orgId)).map((v) => v.id).sort();
    expect(await ids({})).toHaveLength(56);
    expect(await ids({ archived: true })).toEqual(all);
  });

  it("never shows another organisation's vendors", async () => {
    const mine = await ids({ archived: true });
    for (const id of otherIds) expect(mine).not.toContain(id);
    // Even asked for the other organisation by id, row-level security answers for the current one only.
    const crossed = await withTenant(orgId, (tx) =>
      listVendors(tx, otherOrgId, { ...base, archived: true }, 1000),
    );
    expect(crossed.rows).toEqual([]);
  });
});

describe("CSV export", () => {
  it("exports the filtered list as UTF-8 CSV with a BOM, escapes formulas, and records the export", async () => {
    const auditorId = await createMember(orgId, "auditor");
    await insertVendor(
      orgId,
      {
        name: '=HYPERLINK("http://evil")',
        service: "+cmd",
        risk: {
          volume: "over1m",
          access: "direct",
          subprocessors: "unknown",
          incidents: "breach",
          deletion: "unknown",
          assessment: "none",
        },
      },
      today,
    );
    await actAs(auditorId, orgId);
    const response = await exportCsv(
      new Request("http://localhost/vendors/export?tier=critical&cursor=ignored"),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="vendors-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    const critical = (await vendorsOf(orgId)).filter(
      (v) => v.riskTier === "critical" && v.archivedAt === null,
    );
    expect(lines).toHaveLength(critical.length + 1);
    expect(lines[0]).toContain(
      '"vendors.fields.name","vendors.fields.service","vendors.fields.country","vendors.fields.handlerRole"',
    );
    expect(
      lines
        .slice(1)
        .every((line) =>
          /"vendors\.options\.handlerRole\.(entrusted_processor|independent_handler|joint_handler)"/.test(
            line,
          ),
        ),
    ).toBe(true);
    expect(lines.join("\n")).toContain(`"'=HYPERLINK(""http://evil"")","'+cmd"`);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "vendor.exported",
      actorId: auditorId,
      details: { rows: critical.length, filters: ["tier"] },
    });
  });

  it("refuses an employee and records nothing", async () => {
    const employeeId = await createMember(orgId, "employee");
    await actAs(employeeId, orgId);
    const before = await lastAudit(orgId);
    expect((await exportCsv(new Request("http://localhost/vendors/export"))).status).toBe(403);
    expect((await lastAudit(orgId)).seq).toBe(before.seq);
  });
});
