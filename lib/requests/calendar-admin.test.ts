import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, dataSubjectRequests } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { upsertCustomers } from "@/lib/customers/commands";
import { orgWithOfficer } from "@/tests/factories";
import { listCalendarYears, saveCalendarYear } from "./calendar-admin";
import { createRequest } from "./commands";
import { calendarYearSchema } from "./schemas";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let customerId: string;

const save = (input: unknown, adding: boolean) =>
  withTenant(orgId, (tx) =>
    saveCalendarYear(
      tenantContext(tx, orgId, { type: "user", id: officerId }),
      calendarYearSchema.parse(input),
      { adding },
    ),
  );
const issuePaths = (input: unknown) => {
  const result = calendarYearSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [customerId] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        { externalRef: "cal-1", phone: "+8613700137001", laws: ["PIPL"], region: "CN-GD" },
      ])
    ).map((r) => r.id),
  );
});

describe("calendar year validation", () => {
  const ok = {
    year: 2027,
    holidays: JSON.stringify([{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }]),
    makeupWorkdays: JSON.stringify(["2027-01-09"]),
  };
  it("accepts a well-formed year sent as the form's JSON fields", () => {
    expect(issuePaths(ok)).toEqual([]);
  });
  it("points at each broken row: outside the year, backwards, overlapping, makeup day not a weekend, repeated", () => {
    expect(
      issuePaths({
        ...ok,
        holidays: JSON.stringify([{ name: "x", from: "2026-12-31", to: "2027-01-01" }]),
      }),
    ).toEqual(["holidays.0.from"]);
    expect(
      issuePaths({
        ...ok,
        holidays: JSON.stringify([{ name: "x", from: "2027-05-05", to: "2027-05-01" }]),
      }),
    ).toEqual(["holidays.0.to"]);
    expect(
      issuePaths({
        ...ok,
        holidays: JSON.stringify([
          { name: "a", from: "2027-10-01", to: "2027-10-07" },
          { name: "b", from: "2027-10-07", to: "2027-10-08" },
        ]),
      }),
    ).toEqual(["holidays.1.from"]);
    expect(issuePaths({ ...ok, makeupWorkdays: JSON.stringify(["2027-01-11"]) })).toEqual([
      "makeupWorkdays.0",
    ]);
    expect(
      issuePaths({ ...ok, makeupWorkdays: JSON.stringify(["2027-01-09", "2027-01-09"]) }),
    ).toEqual(["makeupWorkdays"]);
    expect(issuePaths({ ...ok, holidays: "not json" })).toEqual(["holidays"]);
  });
});

describe("saving a calendar year", () => {
  it("adds the next year only, audited", async () => {
    await expect(
      save({ year: 2029, holidays: "[]", makeupWorkdays: "[]" }, true),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      save({ year: 2026, holidays: "[]", makeupWorkdays: "[]" }, true),
    ).rejects.toMatchObject({ code: "conflict" });
    await save(
      {
        year: 2027,
        holidays: JSON.stringify([{ name: "元旦", from: "2027-01-01", to: "2027-01-01" }]),
        makeupWorkdays: "[]",
        source: "notice",
      },
      true,
    );
    expect(
      (await withTenant(orgId, (tx) => listCalendarYears(tx, orgId))).map((y) => y.year),
    ).toEqual([2026, 2027]);
    const audit = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "calendar.updated"), eq(auditEvents.targetId, "CN-2027")),
        ),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ year: 2027, holidays: 1, added: true });
  });

  it("moves the due dates of open PIPL requests when a year's holidays change", async () => {
    const { id } = await withTenant(orgId, (tx) =>
      createRequest(tenantContext(tx, orgId, { type: "user", id: officerId }), {
        type: "access",
        channel: "phone",
        customerId,
        locale: "zh-CN",
        receivedAt: new Date("2026-03-02T12:00:00Z"),
        verifiedOn: "2026-03-02",
        identityMethod: "phone_callback",
      }),
    );
    const dueOn = async () =>
      (
        await withTenant(orgId, (tx) =>
          tx
            .select({ d: dataSubjectRequests.dueOn })
            .from(dataSubjectRequests)
            .where(eq(dataSubjectRequests.id, id)),
        )
      )[0].d;
    expect(await dueOn()).toBe("2026-03-23");
    const year = (await withTenant(orgId, (tx) => listCalendarYears(tx, orgId))).find(
      (y) => y.year === 2026,
    )!;
    const holidays = [
      ...year.holidays,
      { name: "Company test day", from: "2026-03-10", to: "2026-03-11" },
    ];
    const { refreshed } = await save(
      {
        year: 2026,
        holidays: JSON.stringify(holidays),
        makeupWorkdays: JSON.stringify(year.makeupWorkdays),
      },
      false,
    );
    expect(refreshed).toBeGreaterThanOrEqual(1);
    expect(await dueOn()).toBe("2026-03-25");
  });
});
