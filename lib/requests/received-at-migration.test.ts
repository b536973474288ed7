import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";

// Migration 0018 gave requests received before it a receipt instant: the start of their stored
// date in their law's zone, so every date they showed stays what it was. Its backfill statement
// is run here again, on rows written as they were before.
afterAll(closeAppDb);

const backfill = readFileSync("db/migrations/0018_request_clocks_per_law.sql", "utf8")
  .split("--> statement-breakpoint")
  .map((s) => s.replace(/^--.*$/gm, "").trim())
  .find((s) => s.startsWith("UPDATE"))!;

let orgId: string;
beforeAll(async () => {
  ({ orgId } = await createOrg());
});

describe("the backfill of receipt instants", () => {
  it("starts each stored date in its law's zone, and keeps the law's own clock and unit", async () => {
    const rows = await withTenant(orgId, async (tx) => {
      const ids: Record<string, string> = {};
      for (const [i, law] of (["PIPL", "GDPR", "CCPA"] as const).entries()) {
        const [row] = await tx
          .insert(dataSubjectRequests)
          .values({
            orgId,
            reference: `R-2026-90000${i}`,
            type: "access",
            law,
            laws: [law],
            channel: "email",
            receivedOn: "2026-02-12",
            receivedAt: new Date(0),
            clockTerms: {
              gdprTimeZone: "Europe/Helsinki",
              piplPeriod: { amount: 1, unit: "calendar_days" },
            },
            dueOn: "2026-03-11",
            trackingTokenHash: randomUUID(),
          })
          .returning({ id: dataSubjectRequests.id });
        ids[law] = row.id;
      }
      // The app role sees only this organisation's rows (RLS); the statement is the migration's own.
      await tx.execute(sql.raw(backfill));
      const read = async (id: string) =>
        (await tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)))[0];
      return { PIPL: await read(ids.PIPL), GDPR: await read(ids.GDPR), CCPA: await read(ids.CCPA) };
    });
    expect(rows.PIPL.receivedAt.toISOString()).toBe("2026-02-11T16:00:00.000Z");
    expect(rows.GDPR.receivedAt.toISOString()).toBe("2026-02-11T23:00:00.000Z");
    expect(rows.CCPA.receivedAt.toISOString()).toBe("2026-02-12T08:00:00.000Z");
    expect(rows.PIPL).toMatchObject({
      laws: ["PIPL"],
      dueUnit: "working_days",
      clockTerms: {
        gdprTimeZone: "Europe/Brussels",
        piplPeriod: { amount: 15, unit: "working_days" },
      },
    });
    expect(rows.GDPR).toMatchObject({ laws: ["GDPR"], dueUnit: "business_days" });
    expect(rows.CCPA).toMatchObject({ laws: ["CCPA"], dueUnit: "calendar_days" });
  });
});
