import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";
import { withTenant } from "@/db/tenant";
import { pendingTaskCount } from "@/lib/tasks/pending";
import { auditOf } from "@/tests/audit";
import { createMember, createOrg } from "@/tests/factories";
import { saveCalendarYear } from "./calendar-admin";
import { calendarYearToEnter } from "./calendar-reminder";
import { remindToEnterCalendar } from "./calendar-reminder-job";
import { calendarYearsToEnter } from "./tasks";
import { WorkingCalendar } from "./working-calendar";

afterAll(closeAppDb);

let orgId: string;
let officer: string;
let employee: string;
const remind = (today: string) =>
  inTenant(orgId, jobActor("calendar-reminder"), (ctx) => remindToEnterCalendar(ctx, today));
const reminders = async () =>
  (await auditOf(orgId)).filter((e) => e.action === "calendar.reminder_created");

beforeAll(async () => {
  ({ orgId } = await createOrg()); // has 2026
  [officer, employee] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "employee"),
  ];
});

describe("the year to enter", () => {
  const with2026 = new WorkingCalendar([{ year: 2026, holidays: [], makeupWorkdays: [] }]);
  it.each([
    ["2026-10-31", null],
    ["2026-11-01", 2027],
    ["2026-12-31", 2027],
    ["2025-11-01", null],
    ["2027-01-15", null],
  ])("on %s: %s", (today, year) => expect(calendarYearToEnter(with2026, today)).toBe(year));
});

describe("the calendar reminder job", () => {
  it("does nothing before 1 November", async () => {
    expect(await remind("2026-10-31")).toBeNull();
    expect(await reminders()).toHaveLength(0);
  });

  it("reminds once per organisation and year from 1 November, audited, as a task for people who manage the calendar", async () => {
    expect(await remind("2026-11-01")).toBe(2027);
    expect(await remind("2026-11-01")).toBeNull(); // a second run the same day
    expect(await remind("2026-11-20")).toBeNull(); // and later days
    const events = await reminders();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "system",
      targetId: "CN-2027",
      details: { year: 2027 },
    });
    const years = (role: "privacy_officer" | "employee") =>
      withTenant(orgId, (tx) => calendarYearsToEnter(tx, orgId, { role }));
    expect(await years("privacy_officer")).toEqual([2027]);
    expect(await years("employee")).toEqual([]);
    expect(
      await withTenant(orgId, (tx) =>
        pendingTaskCount(tx, orgId, { userId: officer, role: "privacy_officer" }),
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await withTenant(orgId, (tx) =>
        pendingTaskCount(tx, orgId, { userId: employee, role: "employee" }),
      ),
    ).toBe(0);
  });

  it("ends the task when the year is entered, and reminds no more", async () => {
    await withTenant(orgId, (tx) =>
      saveCalendarYear(
        tenantContext(tx, orgId, { type: "user", id: officer }),
        {
          year: 2027,
          source: "test",
          holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-01" }],
          makeupWorkdays: [],
        },
        { adding: true },
      ),
    );
    expect(
      await withTenant(orgId, (tx) => calendarYearsToEnter(tx, orgId, { role: "privacy_officer" })),
    ).toEqual([]);
    expect(await remind("2026-12-01")).toBeNull();
    expect(await reminders()).toHaveLength(1);
  });
});
