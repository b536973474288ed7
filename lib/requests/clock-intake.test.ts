import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestAction } from "@/app/(console)/requests/new/actions";
import { updateClockSettingsAction } from "@/app/(console)/settings/organization/actions";
import { closeAppDb } from "@/db/client";
import { auditEvents, dataSubjectRequests, organizations } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { upsertCustomers } from "@/lib/customers/commands";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { piplPeriodLimits } from "./clock-rules";
import { getRequest } from "./queries";

// Staff intake and the clock settings, end to end: permission → validation → command → audit.
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ orgId } = await createOrg());
  await withoutTenant((tx) =>
    tx
      .update(organizations)
      .set({ jurisdictions: ["PIPL", "GDPR"] })
      .where(eq(organizations.id, orgId)),
  );
  officerId = await createMember(orgId, "privacy_officer");
  employeeId = await createMember(orgId, "employee");
  const rows = await withTenant(orgId, (tx) =>
    upsertCustomers(tx, orgId, [
      {
        externalRef: "ci-both",
        email: "both@example.com",
        laws: ["PIPL", "CCPA"],
        region: "CN-SH",
      },
      { externalRef: "ci-gb", email: "gb@example.com", laws: [], region: "GB" },
      { externalRef: "ci-pipl", phone: "+8613800138111", laws: ["PIPL"], region: "CN-BJ" },
      { externalRef: "ci-gdpr", email: "gdpr@example.com", laws: ["GDPR"], region: "FI" },
    ]),
  );
  [ids.both, ids.gb, ids.pipl, ids.gdpr] = rows.map((r) => r.id);
});

const counts = () =>
  withTenant(orgId, async (tx) => ({
    requests: (await tx.select({ n: sql<number>`count(*)::int` }).from(dataSubjectRequests))[0].n,
    audit: (
      await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.orgId, orgId))
    )[0].n,
  }));
const intake = (values: Record<string, string>) =>
  createRequestAction(
    { status: "idle" },
    form({ channel: "phone", identityMethod: "none", locale: "zh-CN", ...values }),
  );
const created = (state: Awaited<ReturnType<typeof intake>>) =>
  (state as { data: { id: string } }).data.id;

describe("staff intake with a time and zone, under every law that applies", () => {
  it("dates a request received at 17:00 UTC on 30 Sep 2026 in each law's zone, and lets the earliest clock govern", async () => {
    await actAs(employeeId, orgId);
    const state = await intake({
      customerId: ids.both,
      type: "access",
      receivedOn: "2026-09-30",
      receivedTime: "17:00",
      receivedZone: "UTC",
      identityMethod: "phone_callback",
      verifiedOn: "2026-10-01",
    });
    expect(state.status).toBe("ok");
    const detail = await withTenant(orgId, (tx) =>
      getRequest(tx, orgId, created(state), "2026-10-08"),
    );
    expect(detail?.request).toMatchObject({
      laws: ["PIPL", "CCPA"],
      lawsBasis: "customer",
      law: "PIPL",
      dueOn: "2026-10-27",
      dueUnit: "working_days",
      acknowledgeBy: "2026-10-14",
      receivedOn: "2026-10-01",
      clockTerms: {
        gdprTimeZone: "Europe/Brussels",
        piplPeriod: { amount: 15, unit: "working_days" },
      },
    });
    expect(detail?.request.receivedAt.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(detail?.clocks.map((c) => [c.law, c.receivedOn, c.dueOn, c.governing])).toEqual([
      ["PIPL", "2026-10-01", "2026-10-27", true],
      ["CCPA", "2026-09-30", "2026-11-14", false],
    ]);
    // The CCPA clock counts its 45 days down in calendar days; the acknowledgement in business days.
    expect(detail?.clocks[1]).toMatchObject({
      remaining: 37,
      calendarDaysLeft: 37,
      acknowledgeLeft: 4,
    });
  });

  it("gives a customer from a region outside every law all of the organisation's laws, and records why", async () => {
    await actAs(officerId, orgId);
    const state = await intake({
      customerId: ids.gb,
      type: "erasure",
      receivedOn: "2026-03-02",
      receivedTime: "10:00",
      receivedZone: "Europe/London",
    });
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(dataSubjectRequests)
        .where(eq(dataSubjectRequests.id, created(state))),
    );
    // GDPR runs from 2 March (the PIPL clock waits for verification), so GDPR governs for now.
    expect(row).toMatchObject({
      laws: ["PIPL", "GDPR"],
      lawsBasis: "region_outside",
      law: "GDPR",
      dueOn: "2026-04-02",
      dueUnit: "business_days",
    });
  });

  it("refuses a type the customer's laws do not offer, with a localised error, writing nothing", async () => {
    await actAs(officerId, orgId);
    const before = await counts();
    const state = await intake({
      customerId: ids.pipl,
      type: "opt_out_sale_sharing",
      receivedOn: "2026-03-02",
      receivedTime: "10:00",
      receivedZone: "Asia/Shanghai",
    });
    expect(state).toMatchObject({
      status: "error",
      message: "errors.typeNotUnderLaw",
      fieldErrors: { type: "errors.typeNotUnderLaw" },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a receipt later than now or in a zone that does not exist, writing nothing", async () => {
    await actAs(officerId, orgId);
    const before = await counts();
    expect(
      await intake({
        customerId: ids.pipl,
        type: "access",
        receivedOn: "2099-01-01",
        receivedTime: "10:00",
        receivedZone: "UTC",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { receivedOn: "errors.receivedInFuture" } });
    expect(
      await intake({
        customerId: ids.pipl,
        type: "access",
        receivedOn: "2026-03-02",
        receivedTime: "10:00",
        receivedZone: "Asia/Beijing",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { receivedZone: "errors.invalid" } });
    expect(await counts()).toEqual(before);
  });
});

describe("request clock settings", () => {
  const settings = (overrides: Record<string, string> = {}) =>
    form({
      gdprTimeZone: "Europe/Brussels",
      ...Object.fromEntries(
        Object.keys(piplPeriodLimits).flatMap((type) => [
          [`piplAmount_${type}`, "15"],
          [`piplUnit_${type}`, "working_days"],
        ]),
      ),
      ...overrides,
    });
  const org = () =>
    withoutTenant(
      async (tx) => (await tx.select().from(organizations).where(eq(organizations.id, orgId)))[0],
    );
  const settingsAudit = () =>
    withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.orgId, orgId),
            eq(auditEvents.action, "request.clock_settings_updated"),
          ),
        ),
    );

  it("are refused to employees, and out-of-limit periods are refused, writing nothing", async () => {
    const before = await counts();
    await actAs(employeeId, orgId);
    expect(
      await updateClockSettingsAction(
        { status: "idle" },
        settings({ gdprTimeZone: "Europe/Helsinki" }),
      ),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
    await actAs(officerId, orgId);
    expect(
      await updateClockSettingsAction({ status: "idle" }, settings({ piplAmount_erasure: "16" })),
    ).toMatchObject({ status: "error", fieldErrors: { piplAmount_erasure: "errors.tooBig" } });
    expect(
      await updateClockSettingsAction(
        { status: "idle" },
        settings({
          piplAmount_access: "31",
          piplUnit_access: "calendar_days",
          gdprTimeZone: "Europe/Helsinki",
        }),
      ),
    ).toMatchObject({ status: "error", fieldErrors: { piplAmount_access: "errors.tooBig" } });
    expect(await updateClockSettingsAction({ status: "idle" }, settings())).toMatchObject({
      status: "error",
      fieldErrors: { _form: "errors.unchanged" },
    });
    expect(await org()).toMatchObject({ gdprTimeZone: "Europe/Brussels", piplPeriods: {} });
    expect(await counts()).toEqual(before);
  });

  it("set the GDPR zone and a PIPL period, audited with the names of what changed; new requests take them, earlier ones keep theirs", async () => {
    await actAs(officerId, orgId);
    const [earlier] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, ids.both)),
    );
    expect(
      await updateClockSettingsAction(
        { status: "idle" },
        settings({
          gdprTimeZone: "Europe/Helsinki",
          piplAmount_access: "30",
          piplUnit_access: "calendar_days",
        }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(await org()).toMatchObject({
      gdprTimeZone: "Europe/Helsinki",
      piplPeriods: { access: { amount: 30, unit: "calendar_days" } },
    });
    const audit = await settingsAudit();
    expect(audit.map((e) => e.details)).toEqual([
      { fields: ["gdprTimeZone", "piplPeriod.access"] },
    ]);

    // 22:30 UTC on 30 Sep is already 1 Oct in Helsinki: the GDPR clock counts from 1 Oct.
    const state = await intake({
      customerId: ids.gdpr,
      type: "access",
      receivedOn: "2026-09-30",
      receivedTime: "22:30",
      receivedZone: "UTC",
    });
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(dataSubjectRequests)
        .where(eq(dataSubjectRequests.id, created(state))),
    );
    expect(row).toMatchObject({
      law: "GDPR",
      dueOn: "2026-11-01",
      clockTerms: {
        gdprTimeZone: "Europe/Helsinki",
        piplPeriod: { amount: 30, unit: "calendar_days" },
      },
    });
    const [kept] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, earlier.id)),
    );
    expect(kept.clockTerms).toEqual(earlier.clockTerms);
  });
});
