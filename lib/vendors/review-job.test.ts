import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant } from "@/lib/core/tenancy/context";
import { withTenant } from "@/db/tenant";
import { loadJobs } from "@/lib/modules";
import { createOrg } from "@/tests/factories";
import { todayIso } from "@/lib/core/dates";
import { setVendorArchived } from "./commands";
import { flagsOn } from "./flags";
import { flagVendorReviews, vendorReviewJob } from "./review-job";
import { commandContext, insertVendor, vendorById, vendorsOf } from "./test-support";
import { lastAudit } from "@/tests/audit";

afterAll(closeAppDb);

const created = "2026-01-01";
let orgId: string;
let otherOrgId: string;
const ids = {} as Record<
  "reviewSoon" | "reviewPast" | "dpaSoon" | "dpaPast" | "archived" | "quiet",
  string
>;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  ({ orgId: otherOrgId } = await createOrg());
  const signed = { dpaStatus: "signed", dpaSignedOn: "2025-01-01" } as const;
  ids.reviewSoon = await insertVendor(
    orgId,
    { name: "review soon", nextReviewOn: "2026-03-15" },
    created,
  );
  ids.reviewPast = await insertVendor(
    orgId,
    { name: "review past", nextReviewOn: "2026-02-10" },
    created,
  );
  ids.dpaSoon = await insertVendor(
    orgId,
    { name: "dpa soon", nextReviewOn: "2027-01-01", ...signed, dpaExpiresOn: "2026-03-20" },
    created,
  );
  ids.dpaPast = await insertVendor(
    orgId,
    { name: "dpa past", nextReviewOn: "2027-01-01", ...signed, dpaExpiresOn: "2026-02-05" },
    created,
  );
  ids.archived = await insertVendor(
    orgId,
    { name: "archived", nextReviewOn: "2026-02-15" },
    created,
  );
  ids.quiet = await insertVendor(orgId, { name: "quiet", nextReviewOn: "2027-01-01" }, created);
  await withTenant(orgId, (tx) =>
    setVendorArchived(commandContext(tx, orgId), ids.archived, true, created),
  );
  await insertVendor(otherOrgId, { name: "elsewhere", nextReviewOn: "2026-02-10" }, created);
});

const run = (day: string, org = orgId) =>
  inTenant(org, jobActor("vendor-review"), (ctx) => flagVendorReviews(ctx, day));
const flags = async (id: string) => {
  const v = await vendorById(orgId, id);
  return { reviewState: v.reviewState, dpaStatus: v.dpaStatus, dpaExpiring: v.dpaExpiring };
};

describe("daily vendor review job", () => {
  it("starts with every vendor on schedule", async () => {
    for (const v of await vendorsOf(orgId))
      expect(v).toMatchObject({ reviewState: "ok", dpaExpiring: false });
  });

  it("marks reviews due and overdue, DPAs expiring and expired, in one audited event", async () => {
    const before = await vendorsOf(orgId);
    expect(await run("2026-02-20")).toEqual({
      changed: 4,
      due: 1,
      overdue: 1,
      dpaExpiring: 1,
      dpaExpired: 1,
    });
    expect(await flags(ids.reviewSoon)).toEqual({
      reviewState: "due",
      dpaStatus: "none",
      dpaExpiring: false,
    });
    expect(await flags(ids.reviewPast)).toEqual({
      reviewState: "overdue",
      dpaStatus: "none",
      dpaExpiring: false,
    });
    expect(await flags(ids.dpaSoon)).toEqual({
      reviewState: "ok",
      dpaStatus: "signed",
      dpaExpiring: true,
    });
    expect(await flags(ids.dpaPast)).toEqual({
      reviewState: "ok",
      dpaStatus: "expired",
      dpaExpiring: false,
    });
    expect(await flags(ids.archived)).toEqual({
      reviewState: "ok",
      dpaStatus: "none",
      dpaExpiring: false,
    });
    expect(await flags(ids.quiet)).toEqual({
      reviewState: "ok",
      dpaStatus: "none",
      dpaExpiring: false,
    });
    // The job's flags are not edits: "updated" keeps meaning someone changed the vendor.
    const after = await vendorsOf(orgId);
    for (const v of after) expect(v.updatedAt).toBe(before.find((b) => b.id === v.id)!.updatedAt);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "vendor.review_flagged",
      actorType: "system",
      actorId: "vendor-review-job",
      targetType: "vendor",
      targetId: null,
      details: { changed: 4, due: 1, overdue: 1, dpaExpiring: 1, dpaExpired: 1 },
    });
  });

  it("is idempotent: a second run the same day changes nothing and writes no event", async () => {
    const [rows, head] = [await vendorsOf(orgId), await lastAudit(orgId)];
    expect(await run("2026-02-20")).toEqual({
      changed: 0,
      due: 0,
      overdue: 0,
      dpaExpiring: 0,
      dpaExpired: 0,
    });
    expect(await vendorsOf(orgId)).toEqual(rows);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("moves due reviews to overdue and expiring DPAs to expired as days pass", async () => {
    expect(await run("2026-03-25")).toEqual({
      changed: 2,
      due: 0,
      overdue: 1,
      dpaExpiring: 0,
      dpaExpired: 1,
    });
    expect(await flags(ids.reviewSoon)).toMatchObject({ reviewState: "overdue" });
    expect(await flags(ids.dpaSoon)).toEqual({
      reviewState: "ok",
      dpaStatus: "expired",
      dpaExpiring: false,
    });
  });

  it("works on one organisation at a time", async () => {
    const [elsewhere] = await vendorsOf(otherOrgId);
    expect(elsewhere.reviewState).toBe("ok");
    expect(await run("2026-02-20", otherOrgId)).toMatchObject({ changed: 1, overdue: 1 });
  });

  it("is scheduled daily at 01:00 UTC and runs over every organisation", async () => {
    expect(await loadJobs()).toContain(vendorReviewJob);
    expect(vendorReviewJob.cron).toBe("0 1 * * *");
    await vendorReviewJob.run({});
    for (const v of await vendorsOf(orgId)) {
      if (v.archivedAt === null)
        expect({
          reviewState: v.reviewState,
          dpaStatus: v.dpaStatus,
          dpaExpiring: v.dpaExpiring,
        }).toEqual(flagsOn(v, todayIso()));
    }
    const head = await lastAudit(orgId);
    await vendorReviewJob.run({});
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });
});
