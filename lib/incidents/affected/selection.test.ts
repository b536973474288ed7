import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  commitAffectedAction,
  selectAffectedAction,
} from "@/app/(console)/incidents/[id]/affected/actions";
import { reportIncidentAction } from "@/app/(console)/incidents/new/actions";
import { closeAppDb } from "@/db/client";
import { incidentAffectedCustomers, incidentAffectedSets, incidents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { todayIso } from "@/lib/core/dates";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "@/lib/customers/commands";
import { system, upsert } from "@/lib/customers/test-support";
import { addPaymentAccount, addTrades } from "@/lib/customers/vault-test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { auditOfTarget } from "@/tests/audit";
import { actAs, form, orgWithOfficer } from "@/tests/factories";
import { runSelection } from "./selection";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
const ids = {} as Record<"zhang" | "li" | "anna" | "cal" | "noRegion" | "erased", string>;
let merchantId: string;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  const rows = await upsert(orgId, [
    { externalRef: "a-zhang", phone: "+8613800138001", region: "CN-BJ", laws: ["PIPL"] },
    { externalRef: "a-li", email: "li@example.com", region: "CN-SH" },
    { externalRef: "a-anna", email: "anna@example.de", region: "DE", laws: ["GDPR"] },
    { externalRef: "a-cal", phone: "+14155550100", region: "US-CA", laws: ["CCPA"] },
    { externalRef: "a-none", displayName: "某人" },
    { externalRef: "a-erased", phone: "+8613800138009", region: "CN-BJ", laws: ["PIPL"] },
  ]);
  [ids.zhang, ids.li, ids.anna, ids.cal, ids.noRegion, ids.erased] = rows.map((r) => r.id);
  await addPaymentAccount(orgId, ids.zhang, "alipay", "zhang@alipay.example");
  await addPaymentAccount(orgId, ids.erased, "alipay", "gone@alipay.example");
  ({
    kept: { merchantId },
  } = await addTrades(orgId, ids.zhang, ids.anna));
  await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, ids.erased));
});
beforeEach(() => actAs(officerId, orgId));

async function reportIncident(): Promise<string> {
  const path = await redirectOf(
    reportIncidentAction(
      idle,
      form({
        summary: "支付账户泄露",
        description: "支付账户数据被导出",
        discoveredOn: todayIso(),
        discoveredTime: "00:00",
        systems: "支付",
        dataCategories: ["financial"],
      }),
    ),
  );
  return path.split("/")[2].split("?")[0];
}

const latestSet = (incidentId: string) =>
  withTenant(orgId, async (tx) => {
    const [set] = await tx
      .select()
      .from(incidentAffectedSets)
      .where(
        and(eq(incidentAffectedSets.orgId, orgId), eq(incidentAffectedSets.incidentId, incidentId)),
      )
      .orderBy(desc(incidentAffectedSets.createdAt));
    return set;
  });
const members = (setId: string) =>
  withTenant(orgId, async (tx) =>
    (
      await tx
        .select({ id: incidentAffectedCustomers.customerId })
        .from(incidentAffectedCustomers)
        .where(eq(incidentAffectedCustomers.setId, setId))
    )
      .map((r) => r.id)
      .sort(),
  );

async function select(incidentId: string, fields: Record<string, string | string[]>) {
  const state = await selectAffectedAction(idle, form({ id: incidentId, ...fields }));
  expect(state.status).toBe("ok");
  const set = await latestSet(incidentId);
  expect(await runSelection(orgId, set.id, { batch: 2 })).toBe("selected");
  return latestSet(incidentId);
}

describe("who is affected, from the vault", () => {
  it("selects by data category, never an erased customer, counted by law and region before anything is stored", async () => {
    const incidentId = await reportIncident();
    const set = await select(incidentId, { kind: "criteria", categories: ["financial"] });
    expect(set.status).toBe("selected");
    expect(await members(set.id)).toEqual([ids.zhang]);
    expect(set.matched).toBe(1);
    expect(set.counts.laws).toEqual({ PIPL: 1 });
    expect(set.counts.regions).toEqual({ "CN-BJ": 1 });
    expect(set.scanned).toBe(6);
    // Counted, not stored: the incident is as triage left it.
    const [before] = await withTenant(orgId, (tx) =>
      tx.select().from(incidents).where(eq(incidents.id, incidentId)),
    );
    expect(before.affectedCount).toBeNull();
    const events = await auditOfTarget(orgId, incidentId);
    expect(events.map((e) => e.action)).toContain("incident.affected_selected");
  });

  it("selects everyone but the erased, each once, under each law that applies (own, region's, organisation's)", async () => {
    const incidentId = await reportIncident();
    const set = await select(incidentId, { kind: "everyone" });
    expect(await members(set.id)).toEqual(
      [ids.zhang, ids.li, ids.anna, ids.cal, ids.noRegion].sort(),
    );
    // li has no laws of her own (CN-SH → PIPL); noRegion falls back to the organisation's (PIPL).
    expect(set.counts.laws).toEqual({ PIPL: 3, GDPR: 1, CCPA: 1 });
    expect(set.counts.regions).toEqual({
      "CN-BJ": 1,
      "CN-SH": 1,
      DE: 1,
      "US-CA": 1,
      unknown: 1,
    });
    expect(set.counts.californiaResidents).toBe(1);
  });

  it("selects a merchant's customers, and orders in a window", async () => {
    const incidentId = await reportIncident();
    const byMerchant = await select(incidentId, { kind: "criteria", merchantId });
    expect(await members(byMerchant.id)).toEqual([ids.zhang, ids.anna].sort());
    const past = await select(incidentId, {
      kind: "criteria",
      ordersFrom: "2020-01-01",
      ordersTo: "2020-12-31",
    });
    expect(await members(past.id)).toEqual([]);
    const today = await select(incidentId, {
      kind: "criteria",
      ordersFrom: todayIso(),
      ordersTo: todayIso(),
      categories: ["contact"],
    });
    expect(await members(today.id)).toEqual([ids.zhang, ids.anna].sort());
  });

  it("matches a CSV's references once each, and forgets the file", async () => {
    const incidentId = await reportIncident();
    const file = new File(
      ["external_ref\na-li\na-cal\na-li\na-erased\nnobody-here\n"],
      "refs.csv",
      { type: "text/csv" },
    );
    const data = form({ id: incidentId, kind: "csv" });
    data.append("file", file);
    expect((await selectAffectedAction(idle, data)).status).toBe("ok");
    let set = await latestSet(incidentId);
    expect(set.criteria).toEqual({ kind: "csv", refs: 4 });
    expect(await runSelection(orgId, set.id, { batch: 3 })).toBe("selected");
    set = await latestSet(incidentId);
    expect(await members(set.id)).toEqual([ids.li, ids.cal].sort());
    // The erased customer's reference was pseudonymised: it is unknown like any stranger's.
    expect(set.counts.unmatchedRefs).toBe(2);
    expect(set.csvRefs).toBeNull();
  });

  it("resumes from its last committed step, counting nobody twice", async () => {
    const incidentId = await reportIncident();
    expect(
      (await selectAffectedAction(idle, form({ id: incidentId, kind: "everyone" }))).status,
    ).toBe("ok");
    const set = await latestSet(incidentId);
    expect(await runSelection(orgId, set.id, { batch: 2, maxSteps: 1 })).toBe("stopped");
    expect((await latestSet(incidentId)).scanned).toBe(2);
    expect(await runSelection(orgId, set.id, { batch: 2 })).toBe("selected");
    const done = await latestSet(incidentId);
    expect(done.matched).toBe(5);
    expect((await members(set.id)).length).toBe(5);
  });

  it("stores a counted selection with the incident: count, laws and California residents decide the clocks", async () => {
    const incidentId = await reportIncident();
    const set = await select(incidentId, { kind: "everyone" });
    const state = await commitAffectedAction(idle, form({ id: incidentId, setId: set.id }));
    expect(state.status).toBe("ok");
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(incidents).where(eq(incidents.id, incidentId)),
    );
    expect(row.affectedCount).toBe(5);
    expect(row.affectedLaws).toEqual(["PIPL", "GDPR", "CCPA"]);
    expect(row.californiaResidents).toBe(1);
    expect(row.proposedGrade).toBe("general");
    expect((await latestSet(incidentId)).status).toBe("committed");
    const [event] = (await auditOfTarget(orgId, incidentId)).filter(
      (e) => e.action === "incident.affected_committed",
    );
    expect(event.details).toEqual({ set: set.id, matched: 5, laws: ["PIPL", "GDPR", "CCPA"] });
    // Committing it again is refused: it is no longer waiting.
    expect((await commitAffectedAction(idle, form({ id: incidentId, setId: set.id }))).status).toBe(
      "error",
    );
  });

  it("refuses criteria that state nothing, an unknown merchant and an empty file, writing nothing", async () => {
    const incidentId = await reportIncident();
    expect(
      fieldErrorsOf(await selectAffectedAction(idle, form({ id: incidentId, kind: "criteria" }))),
    ).toHaveProperty("categories");
    const unknown = await selectAffectedAction(
      idle,
      form({ id: incidentId, kind: "criteria", merchantId: crypto.randomUUID() }),
    );
    expect(fieldErrorsOf(unknown)).toHaveProperty("merchantId");
    const empty = form({ id: incidentId, kind: "csv" });
    empty.append("file", new File(["external_ref\n"], "e.csv"));
    expect(fieldErrorsOf(await selectAffectedAction(idle, empty))).toHaveProperty("file");
    expect(await latestSet(incidentId)).toBeUndefined();
  });
});
