import { and, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { createMember, createOrg, TEST_PASSWORD } from "@/tests/factories";
import { pruneRateLimits } from "@/lib/core/rate-limit-job";
import { attemptSignIn, MAX_FAILURES } from "./sign-in";
import { generateTotp, generateTotpSecret } from "./totp";
import { sealTotpSecret } from "./totp-secret";

let owner: Client;
let orgId: string;
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;

async function member(): Promise<{ id: string; email: string }> {
  const id = await createMember(orgId, "employee");
  const [row] = await withoutTenant((tx) => tx.select({ email: users.email }).from(users).where(eq(users.id, id)));
  return { id, email: row.email };
}

const eventsFor = (userId: string, action: string) =>
  withTenant(orgId, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.targetId, userId), eq(auditEvents.action, action))));

beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  ({ orgId } = await createOrg());
});
afterAll(() => owner.end());

describe("attemptSignIn", () => {
  it("signs in with the right password and records it", async () => {
    const person = await member();
    const result = await attemptSignIn({ email: person.email.toUpperCase(), password: TEST_PASSWORD, ip: ip() });
    expect(result).toMatchObject({ ok: true, userId: person.id });
    expect(await eventsFor(person.id, "auth.signed_in")).toHaveLength(1);
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const person = await member();
    expect(await attemptSignIn({ email: "nobody@test.example", password: "x", ip: ip() })).toEqual({ ok: false, code: "invalid" });
    expect(await attemptSignIn({ email: person.email, password: "wrong password!", ip: ip() })).toEqual({ ok: false, code: "invalid" });
  });

  it("locks the account after five consecutive failures, even for the right password", async () => {
    const person = await member();
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await attemptSignIn({ email: person.email, password: `wrong-${i}`, ip: ip() })).toEqual({ ok: false, code: "invalid" });
    }
    expect(await attemptSignIn({ email: person.email, password: "wrong-last", ip: ip() })).toEqual({ ok: false, code: "locked" });
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() })).toEqual({ ok: false, code: "locked" });
    expect(await eventsFor(person.id, "auth.sign_in_failed")).toHaveLength(MAX_FAILURES);
    const [locked] = await eventsFor(person.id, "auth.locked");
    expect(locked.details).toEqual({ minutes: 15 });

    await owner.query("update users set locked_until = now() - interval '1 second' where id = $1", [person.id]);
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() })).toMatchObject({ ok: true });
  });

  it("throttles one address after 30 attempts in five minutes", async () => {
    const address = ip();
    for (let i = 0; i < 30; i++) await attemptSignIn({ email: `nobody${i}@test.example`, password: "x", ip: address });
    const person = await member();
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: address })).toEqual({ ok: false, code: "throttled" });
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() })).toMatchObject({ ok: true });
  });

  it("prunes counting windows older than a day", async () => {
    await owner.query("insert into rate_limit_buckets (key, window_start, count) values ('test:old', now() - interval '2 days', 3), ('test:new', now(), 1)");
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
    const { rows } = await owner.query("select key from rate_limit_buckets where key like 'test:%'");
    expect(rows).toEqual([{ key: "test:new" }]);
  });

  it("keeps raw addresses out of the database", async () => {
    await attemptSignIn({ email: "nobody@test.example", password: "x", ip: "198.51.100.77" });
    const { rows } = await owner.query("select key from rate_limit_buckets where key like '%198.51.100.77%'");
    expect(rows).toHaveLength(0);
  });

  it("asks for the second factor when enrolled, and refuses a replayed code", async () => {
    const person = await member();
    const secret = generateTotpSecret();
    await withoutTenant((tx) => tx.update(users).set({ totpSecret: sealTotpSecret(person.id, secret), totpEnabledAt: sql`now()` }).where(eq(users.id, person.id)));
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ip: ip() })).toEqual({ ok: false, code: "mfa_required" });
    const code = await generateTotp(secret);
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code, ip: ip() })).toMatchObject({ ok: true });
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code, ip: ip() })).toEqual({ ok: false, code: "invalid" });
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, code: "000000", ip: ip() })).toEqual({ ok: false, code: "invalid" });
  });
});
