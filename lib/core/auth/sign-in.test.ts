import { and, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, signInFailures, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { createMember, createOrg, TEST_PASSWORD } from "@/tests/factories";
import { pruneRateLimits } from "@/lib/core/rate-limit-job";
import { attemptSignIn } from "./sign-in";
import { auditSignInFailures } from "./sign-in-failure-audit";
import {
  ACCOUNT_CEILING,
  CLIENT_POLICY,
  pauseMinutes,
  SECOND_FACTOR_POLICY,
  signInKeys,
} from "./sign-in-limits";
import { generateTotp, generateTotpSecret } from "./totp";
import { sealTotpSecret } from "./totp-secret";

let owner: Client;
let orgId: string;
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const nobody = () => `nobody-${Math.random().toString(36).slice(2)}@test.example`;
const invalid = { ok: false, code: "invalid" };
const locked = { ok: false, code: "locked" };

async function member(): Promise<{ id: string; email: string }> {
  const id = await createMember(orgId, "employee");
  const [row] = await withoutTenant((tx) =>
    tx.select({ email: users.email }).from(users).where(eq(users.id, id)),
  );
  return { id, email: row.email };
}

async function enrolled(): Promise<{ id: string; email: string; secret: string }> {
  const person = await member();
  const secret = generateTotpSecret();
  await withoutTenant((tx) =>
    tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(person.id, secret), totpEnabledAt: sql`now()` })
      .where(eq(users.id, person.id)),
  );
  return { ...person, secret };
}

const eventsFor = (userId: string, action: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, userId), eq(auditEvents.action, action)))
      .orderBy(auditEvents.seq),
  );

/** Moves a counter's last failure into the past, as if `seconds` had gone by. */
const age = (key: string, seconds: number) =>
  owner.query(
    "update sign_in_counters set last_failure_at = last_failure_at - make_interval(secs => $2) where key = $1",
    [key, seconds],
  );

/** Each answer to `passwords` tried in turn from one client. */
async function answers(email: string, client: string, passwords: string[]) {
  const results = [];
  for (const password of passwords)
    results.push(await attemptSignIn({ email, password, ip: client }));
  return results;
}

beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  ({ orgId } = await createOrg());
});
afterAll(() => owner.end());

describe("attemptSignIn", () => {
  it("signs in with the right password and records it", async () => {
    const person = await member();
    const result = await attemptSignIn({
      email: person.email.toUpperCase(),
      password: TEST_PASSWORD,
      ip: ip(),
    });
    expect(result).toMatchObject({ ok: true, userId: person.id });
    expect(await eventsFor(person.id, "auth.signed_in")).toHaveLength(1);
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const person = await member();
    expect(await attemptSignIn({ email: "nobody@test.example", password: "x", ip: ip() })).toEqual(
      invalid,
    );
    expect(
      await attemptSignIn({ email: person.email, password: "wrong password!", ip: ip() }),
    ).toEqual(invalid);
  });

  it("pauses one client after five failures, even for the right password, and not another client", async () => {
    const person = await member();
    const attacker = ip();
    const wrong = ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5"];
    expect(await answers(person.email, attacker, wrong)).toEqual([
      invalid,
      invalid,
      invalid,
      invalid,
      locked,
    ]);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: attacker }),
    ).toEqual(locked);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() }),
    ).toMatchObject({ ok: true, userId: person.id });
  });

  it("gives an address with no account exactly the answers an account gets, failure after failure", async () => {
    const person = await member();
    const tries = ["w1", "w2", "w3", "w4", "w5", "w6", TEST_PASSWORD, "w7"];
    const known = await answers(person.email, ip(), tries);
    const unknown = await answers(nobody(), ip(), tries);
    expect(unknown).toEqual(known);
    expect(known).toEqual([invalid, invalid, invalid, invalid, locked, locked, locked, locked]);
  });

  it("pauses a client twice as long after each further failure, and forgets a failure run on success", async () => {
    const person = await member();
    const client = ip();
    const { client: key } = signInKeys(person.email, client);
    expect([5, 6, 7, 10, 11, 30].map((n) => pauseMinutes(CLIENT_POLICY, n))).toEqual([
      1, 2, 4, 32, 60, 60,
    ]);
    await answers(person.email, client, ["w1", "w2", "w3", "w4", "w5"]);
    await age(key, 61);
    expect(await attemptSignIn({ email: person.email, password: "w6", ip: client })).toEqual(
      locked,
    );
    await age(key, 61);
    // Still within the two minutes; a try while paused is not counted.
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: client }),
    ).toEqual(locked);
    await age(key, 60);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: client }),
    ).toMatchObject({ ok: true });
    expect(await answers(person.email, client, ["w1", "w2", "w3", "w4"])).toEqual([
      invalid,
      invalid,
      invalid,
      invalid,
    ]);
  });

  it("stops hearing clients it does not know past the account's ceiling, telling nobody, while the owner's usual client signs in", async () => {
    const person = await member();
    const home = ip();
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: home }),
    ).toMatchObject({ ok: true });
    const stranger = nobody();
    for (const email of [person.email, stranger]) {
      await owner.query(
        "insert into sign_in_counters (key, failures, last_failure_at) values ($1, $2, now())",
        [signInKeys(email, "x").account, ACCOUNT_CEILING - 1],
      );
    }
    const tries = ["w1", TEST_PASSWORD, "w2", TEST_PASSWORD];
    const known = await answers(person.email, ip(), tries);
    expect(known).toEqual([invalid, invalid, invalid, invalid]);
    expect(await answers(stranger, ip(), tries)).toEqual(known);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: home }),
    ).toMatchObject({ ok: true, userId: person.id });

    const queued = await withoutTenant((tx) =>
      tx
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.userId, person.id))
        .orderBy(signInFailures.id),
    );
    expect(queued.map((f) => [f.reason, f.accountFailures])).toEqual([
      ["password", 100],
      ["account_ceiling", 101],
      ["password", 102],
      ["account_ceiling", 103],
    ]);
  });

  it("counts wrong second factors under their own limit, for the account from anywhere", async () => {
    const person = await enrolled();
    const client = ip();
    const code = await generateTotp(person.secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 1; i < SECOND_FACTOR_POLICY.threshold; i++) {
      expect(
        await attemptSignIn({
          email: person.email,
          password: TEST_PASSWORD,
          code: wrong,
          ip: client,
        }),
      ).toEqual(invalid);
    }
    expect(
      await attemptSignIn({
        email: person.email,
        password: TEST_PASSWORD,
        code: "bad recovery code",
        ip: client,
      }),
    ).toEqual(locked);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code, ip: ip() }),
    ).toEqual(locked);
    // The password counter of this client heard none of it.
    expect(await answers(person.email, client, ["w1", "w2", "w3", "w4"])).toEqual([
      invalid,
      invalid,
      invalid,
      invalid,
    ]);
  });

  it("does not spend the second factor's limit on wrong passwords", async () => {
    const person = await enrolled();
    const client = ip();
    await answers(person.email, client, ["w1", "w2", "w3", "w4"]);
    expect(
      await attemptSignIn({
        email: person.email,
        password: TEST_PASSWORD,
        code: "000000",
        ip: ip(),
      }),
    ).toEqual(invalid);
    expect(
      await attemptSignIn({
        email: person.email,
        password: TEST_PASSWORD,
        code: await generateTotp(person.secret),
        ip: client,
      }),
    ).toMatchObject({ ok: true });
  });

  it("audits the failures of accounts through the job, and drops those of unknown addresses", async () => {
    const person = await member();
    const client = ip();
    await answers(person.email, client, ["w1", "w2", "w3", "w4", "w5"]);
    await answers(nobody(), client, ["w1"]);
    expect(await eventsFor(person.id, "auth.sign_in_failed")).toHaveLength(0);

    expect(await auditSignInFailures()).toBeGreaterThanOrEqual(1);
    const failed = await eventsFor(person.id, "auth.sign_in_failed");
    expect(failed.map((e) => e.details)).toEqual(
      Array.from({ length: 5 }, () => ({ reason: "password", attemptedAt: expect.any(String) })),
    );
    expect((await eventsFor(person.id, "auth.locked")).map((e) => e.details)).toEqual([
      { scope: "client", minutes: 1 },
    ]);
    const { rows } = await owner.query("select count(*)::int as n from sign_in_failures");
    expect(rows[0].n).toBe(0);
  });

  it("throttles one address after 30 attempts in five minutes", async () => {
    // The limit counts in fixed five-minute windows of the database's clock: a run that straddles
    // a window's edge is repeated from a new address, so the test never depends on the hour.
    const windowNow = async () =>
      (await owner.query("select floor(extract(epoch from now()) / 300)::int as w")).rows[0].w;
    const person = await member();
    for (;;) {
      const address = ip();
      const window = await windowNow();
      for (let i = 0; i < 30; i++)
        await attemptSignIn({ email: `nobody${i}@test.example`, password: "x", ip: address });
      const outcome = await attemptSignIn({
        email: person.email,
        password: TEST_PASSWORD,
        ip: address,
      });
      if ((await windowNow()) !== window) continue;
      expect(outcome).toEqual({ ok: false, code: "throttled" });
      break;
    }
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() }),
    ).toMatchObject({ ok: true });
  });

  it("prunes counting windows older than a day, and sign-in counters with nothing left to say", async () => {
    await owner.query(
      "insert into rate_limit_buckets (key, window_start, count) values ('test:old', now() - interval '2 days', 3), ('test:new', now(), 1)",
    );
    await owner.query(`insert into sign_in_counters (key, failures, last_failure_at, last_success_at) values
      ('test:stale', 3, now() - interval '2 days', null), ('test:usual', 0, null, now() - interval '10 days'),
      ('test:recent', 2, now(), null), ('test:gone', 0, null, now() - interval '31 days')`);
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
    const { rows } = await owner.query(
      "select key from rate_limit_buckets where key like 'test:%'",
    );
    expect(rows).toEqual([{ key: "test:new" }]);
    const counters = await owner.query(
      "select key from sign_in_counters where key like 'test:%' order by key",
    );
    expect(counters.rows).toEqual([{ key: "test:recent" }, { key: "test:usual" }]);
  });

  it("keeps raw addresses and email addresses out of the database", async () => {
    await attemptSignIn({ email: "nobody-raw@test.example", password: "x", ip: "198.51.100.77" });
    const { rows } = await owner.query(
      "select key from rate_limit_buckets where key like '%198.51.100.77%'",
    );
    expect(rows).toHaveLength(0);
    const counters = await owner.query(
      "select key from sign_in_counters where key like '%198.51.100.77%' or key like '%nobody-raw%'",
    );
    expect(counters.rows).toHaveLength(0);
  });

  it("asks for the second factor when enrolled, and refuses a replayed code", async () => {
    const person = await enrolled();
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() })).toEqual(
      { ok: false, code: "mfa_required" },
    );
    const code = await generateTotp(person.secret);
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code, ip: ip() }),
    ).toMatchObject({ ok: true });
    expect(
      await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code, ip: ip() }),
    ).toEqual(invalid);
    expect(
      await attemptSignIn({
        email: person.email,
        password: TEST_PASSWORD,
        code: "000000",
        ip: ip(),
      }),
    ).toEqual(invalid);
  });
});
