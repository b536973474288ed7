import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimitKey } from "@/lib/core/rate-limit";

/** A run of failures pauses the counter's attempts from `threshold` on, twice as long each time. */
export interface PausePolicy {
  threshold: number;
  firstPauseMinutes: number;
  maxPauseMinutes: number;
}

/** One account from one client: the owner's own client never shares it with an attacker's. */
export const CLIENT_POLICY: PausePolicy = {
  threshold: 5,
  firstPauseMinutes: 1,
  maxPauseMinutes: 60,
};
/** Wrong authenticator or recovery codes of one account, from anywhere (only after its password). */
export const SECOND_FACTOR_POLICY: PausePolicy = {
  threshold: 5,
  firstPauseMinutes: 15,
  maxPauseMinutes: 24 * 60,
};
/** Failures of one account from all clients together, before clients it does not know stop being heard. */
export const ACCOUNT_CEILING = 100;
/** A client that signed in to the account this recently is its owner's usual client. */
const USUAL_CLIENT_DAYS = 30;
// A counter whose last failure is older than this starts again from zero.
const FORGET_SECONDS = 24 * 60 * 60;

/** The keys an attempt is counted under. Identifiers are HMACs of the address as typed. */
export function signInKeys(email: string, ip: string): { client: string; account: string } {
  const login = email.trim().toLowerCase();
  return {
    client: rateLimitKey("sign-in-client", `${login}\0${ip}`),
    account: rateLimitKey("sign-in-account", login),
  };
}

export const secondFactorKey = (userId: string) => rateLimitKey("sign-in-second-factor", userId);

/** How long the failure that brought a counter to `failures` pauses it (0: not at all). */
export function pauseMinutes(policy: PausePolicy, failures: number): number {
  if (failures < policy.threshold) return 0;
  return Math.min(
    policy.firstPauseMinutes * 2 ** (failures - policy.threshold),
    policy.maxPauseMinutes,
  );
}

export interface Counter {
  /** Recent failures: zero once the last one is a day old. */
  failures: number;
  secondsSinceFailure: number;
  /** For an account and client: it signed in to this account within the last 30 days. */
  usual: boolean;
}

export const isPaused = (policy: PausePolicy, counter: Counter) =>
  counter.secondsSinceFailure < pauseMinutes(policy, counter.failures) * 60;

const keyArray = (keys: string[]) =>
  sql`array[${sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  )}]::text[]`;

/** The counters under `keys`, in that order, in one statement; a key never counted reads as zero. */
export async function readCounters(db: Executor, keys: string[]): Promise<Counter[]> {
  const { rows } = await db.execute<{
    key: string;
    failures: number | null;
    seconds: number | null;
    usual: boolean | null;
  }>(sql`
    select k.key, c.failures, extract(epoch from now() - c.last_failure_at) as seconds,
      c.last_success_at > now() - ${USUAL_CLIENT_DAYS} * interval '1 day' as usual
    from unnest(${keyArray(keys)}) as k(key)
    left join sign_in_counters c on c.key = k.key`);
  return keys.map((key) => {
    const row = rows.find((r) => r.key === key);
    const seconds = row?.seconds == null ? Infinity : Number(row.seconds);
    return {
      failures: seconds < FORGET_SECONDS ? Number(row!.failures) : 0,
      secondsSinceFailure: seconds,
      usual: row?.usual === true,
    };
  });
}

export interface Failure {
  /** The deciding counter (the client's, or the second factor's), then the account's if any. */
  keys: [string] | [string, string];
  /** Null for an address with no account: the same statement, a row the audit job drops. */
  userId: string | null;
  /** `account_ceiling`: the right password, not heard from a client the account does not know. */
  reason: "password" | "account_ceiling" | "second_factor";
}

/**
 * Counts a failure under each key and queues it for the audit job, in one statement; returns the
 * deciding counter's failures after it, and the account's.
 */
export async function recordFailure(
  db: Executor,
  failure: Failure,
): Promise<{ failures: number; accountFailures: number | null }> {
  const [counter, account = null] = failure.keys;
  const { rows } = await db.execute<{ failures: number; account_failures: number | null }>(sql`
    with counted as (
      insert into sign_in_counters as c (key, failures, last_failure_at)
      select k.key, 1, now() from unnest(${keyArray(failure.keys)}) as k(key)
      on conflict (key) do update set
        failures = case when c.last_failure_at > now() - ${FORGET_SECONDS} * interval '1 second' then c.failures + 1 else 1 end,
        last_failure_at = now()
      returning c.key, c.failures
    )
    insert into sign_in_failures (user_id, reason, failures, account_failures)
    select ${failure.userId}::uuid, ${failure.reason},
      (select failures from counted where key = ${counter}), (select failures from counted where key = ${account})
    returning failures, account_failures`);
  const [row] = rows;
  return {
    failures: Number(row.failures),
    accountFailures: row.account_failures == null ? null : Number(row.account_failures),
  };
}

/** A full sign-in: the counters under `keys` start again, and the client becomes a usual one. */
export async function recordSuccess(db: Executor, keys: string[]): Promise<void> {
  await db.execute(sql`
    insert into sign_in_counters as c (key, failures, last_success_at)
    select k.key, 0, now() from unnest(${keyArray(keys)}) as k(key)
    on conflict (key) do update set failures = 0, last_failure_at = null, last_success_at = now()`);
}

/** Deletes counters with nothing left to say: no failure for a day, no sign-in for 30 days. */
export async function pruneSignInCounters(db: Executor): Promise<void> {
  await db.execute(sql`
    delete from sign_in_counters
    where (last_failure_at is null or last_failure_at < now() - ${FORGET_SECONDS} * interval '1 second')
      and (last_success_at is null or last_success_at < now() - ${USUAL_CLIENT_DAYS} * interval '1 day')`);
}
