import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { jobLeases } from "@/db/schema";
import {
  claimLease,
  holdLease,
  LEASE_SECONDS,
  leaseIsLive,
  runLeased,
  stopHeldLeases,
  takeExpiredLeases,
} from "./lease";

afterAll(closeAppDb);

let n = 0;
const itemKey = () => `test:${Date.now()}:${(n += 1)}`;
const rowOf = async (key: string) =>
  (
    await appDb()
      .select()
      .from(jobLeases)
      .where(and(eq(jobLeases.job, "test-job"), eq(jobLeases.key, key)))
  )[0];
/** What a runner that died leaves: its lease, no longer renewed, past its expiry. */
const expire = (key: string) =>
  appDb()
    .update(jobLeases)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(jobLeases.key, key));

describe("job leases", () => {
  it("one runner at a time: a second claim of a live lease gets nothing; the lease goes when the work ends", async () => {
    const key = itemKey();
    let second: unknown;
    const result = await runLeased("test-job", key, { id: 1 }, async () => {
      expect(await leaseIsLive(appDb(), "test-job", key)).toBe(true);
      const row = await rowOf(key);
      expect((row.expiresAt.getTime() - Date.now()) / 1000).toBeGreaterThan(LEASE_SECONDS - 5);
      second = await runLeased("test-job", key, { id: 1 }, async () => "ran twice");
      return "done";
    });
    expect([result, second]).toEqual(["done", "held"]);
    expect(await rowOf(key)).toBeUndefined();
  });

  it("a dead runner's expired lease is taken over once, and the old runner learns it lost it", async () => {
    const key = itemKey();
    const dead = (await claimLease("test-job", key, { id: 2 }))!;
    await expire(key);
    expect(await leaseIsLive(appDb(), "test-job", key)).toBe(false);
    const taken = (await takeExpiredLeases(100)).filter((l) => l.key === key);
    expect(taken).toMatchObject([{ job: "test-job", key, data: { id: 2 } }]);
    expect(taken[0].holder).not.toBe(dead.holder);
    // Taken: nobody else gets it, a second scan included.
    expect((await takeExpiredLeases(100)).filter((l) => l.key === key)).toEqual([]);
    expect(await claimLease("test-job", key, { id: 2 })).toBeUndefined();
    expect((await rowOf(key)).takeovers).toBe(1);

    // The dead runner, back (a long pause): at its next heartbeat it finds the lease gone and stops.
    const { renewLeases } = await import("./lease");
    await holdLease(dead, async (lease) => {
      expect(lease.held()).toBe(true);
      await renewLeases();
      expect(lease.held()).toBe(false);
    });
    // Its end does not release the new holder's lease.
    expect((await rowOf(key)).holder).toBe(taken[0].holder);
    await holdLease(taken[0], async () => {});
    expect(await rowOf(key)).toBeUndefined();
  });

  it("a worker that stops hands its items over: the runner stops at its next check, the lease expires at once", async () => {
    const key = itemKey();
    const steps: number[] = [];
    await runLeased("test-job", key, { id: 3 }, async (lease) => {
      for (let step = 0; step < 5 && lease.held(); step += 1) {
        steps.push(step);
        if (step === 1) stopHeldLeases();
      }
    });
    expect(steps).toEqual([0, 1]);
    const row = await rowOf(key);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await takeExpiredLeases(100)).map((l) => l.key)).toContain(key);
  });
});
