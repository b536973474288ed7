import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { retryingDeadlocks, withoutTenant } from "@/db/tenant";

describe("retryingDeadlocks", () => {
  it("runs a transaction chosen as a deadlock's victim again, so both writers finish", async () => {
    const [first, second] = [Math.floor(Math.random() * 1e9), Math.floor(Math.random() * 1e9) + 1];
    const ran = { count: 0 };
    // Two transactions taking the same two locks in opposite orders, each waiting for the other.
    const lockBoth = (a: number, b: number) =>
      retryingDeadlocks(() =>
        withoutTenant(async (tx) => {
          ran.count += 1;
          await tx.execute(sql`select pg_advisory_xact_lock(${a})`);
          await tx.execute(sql`select pg_sleep(0.2)`);
          await tx.execute(sql`select pg_advisory_xact_lock(${b})`);
          return "done";
        }),
      );
    expect(await Promise.all([lockBoth(first, second), lockBoth(second, first)])).toEqual([
      "done",
      "done",
    ]);
    expect(ran.count).toBe(3); // the victim ran twice
  });

  it("passes any other error through at once, and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(
      retryingDeadlocks(async () => {
        calls += 1;
        throw Object.assign(new Error("unique"), { code: "23505" });
      }),
    ).rejects.toThrow("unique");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retryingDeadlocks(async () => {
        calls += 1;
        throw Object.assign(new Error("deadlock"), { cause: { code: "40P01" } });
      }, 2),
    ).rejects.toThrow("deadlock");
    expect(calls).toBe(2);
  });
});
