import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadJobs } from "@/lib/modules";
import { defineJob, type JobSpec } from "./job";
import { startWorker, stopWorker } from "./worker";

afterAll(() => stopWorker());

describe("background worker", () => {
  it("creates a queue and installs the schedule for every declared job", async () => {
    const jobs = await loadJobs();
    expect(jobs.map((j) => j.name).sort()).toEqual([
      "audit-checkpoint",
      "calendar-reminder",
      "consent-rollup",
      "control-evaluation",
      "customer-import",
      "customer-import-sweep",
      "erasure-ledger",
      "idempotency-prune",
      "incident-affected-selection",
      "incident-affected-selection-sweep",
      "incident-clock-alert",
      "incident-notice",
      "incident-notice-sweep",
      "key-rotation",
      "key-rotation-sweep",
      "message-delivery",
      "policy-publication",
      "rate-limit-prune",
      "request-export",
      "request-export-sweep",
      "sign-in-failure-audit",
      "training-assignment",
      "training-reminder",
      "vendor-review",
    ]);
    await startWorker();
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    const queues = await owner.query<{ name: string }>(
      "select name from pgboss.queue order by name",
    );
    const schedules = await owner.query<{ name: string; cron: string }>(
      "select name, cron from pgboss.schedule order by name",
    );
    await owner.end();
    expect(queues.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(jobs.map((j) => j.name).sort()),
    );
    expect(schedules.rows).toEqual([
      { name: "audit-checkpoint", cron: "0 * * * *" },
      { name: "calendar-reminder", cron: "0 1 * * *" },
      { name: "consent-rollup", cron: "7,22,37,52 * * * *" },
      { name: "control-evaluation", cron: "30 18 * * *" },
      { name: "customer-import-sweep", cron: "15,45 * * * *" },
      { name: "erasure-ledger", cron: "* * * * *" },
      { name: "idempotency-prune", cron: "45 3 * * *" },
      { name: "incident-affected-selection-sweep", cron: "5,35 * * * *" },
      { name: "incident-clock-alert", cron: "* * * * *" },
      { name: "incident-notice-sweep", cron: "10,40 * * * *" },
      { name: "key-rotation-sweep", cron: "*/30 * * * *" },
      { name: "message-delivery", cron: "* * * * *" },
      { name: "policy-publication", cron: "5 16 * * *" },
      { name: "rate-limit-prune", cron: "30 3 * * *" },
      { name: "request-export-sweep", cron: "*/15 * * * *" },
      { name: "sign-in-failure-audit", cron: "* * * * *" },
      { name: "training-assignment", cron: "*/5 * * * *" },
      { name: "training-reminder", cron: "0 1 * * *" },
      { name: "vendor-review", cron: "0 1 * * *" },
    ]);
  });
});

describe("defineJob", () => {
  const run = async () => {};
  it("takes a job that names its audit events, or one that says why it records none", () => {
    expect(() => defineJob({ name: "a", audits: ["vendor.review_flagged"], run })).not.toThrow();
    expect(() =>
      defineJob({ name: "b", unaudited: { reason: "counters only" }, run }),
    ).not.toThrow();
  });
  it("refuses a job that does neither, both, or names an action the audit log does not have", () => {
    const neither = { name: "c", run } as unknown as JobSpec;
    const both = {
      name: "d",
      audits: ["vendor.review_flagged"],
      unaudited: { reason: "x" },
      run,
    } as unknown as JobSpec;
    expect(() => defineJob(neither)).toThrow(/audit/);
    expect(() => defineJob(both)).toThrow(/audit/);
    expect(() => defineJob({ name: "e", audits: [], run })).toThrow(/audit/);
    expect(() => defineJob({ name: "f", unaudited: { reason: "  " }, run })).toThrow(/audit/);
    expect(() => defineJob({ name: "g", audits: ["vendor.reviewed"], run })).toThrow(
      /vendor.reviewed/,
    );
  });
});
