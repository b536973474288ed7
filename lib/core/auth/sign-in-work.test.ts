import * as argon2 from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { createMember, createOrg, TEST_PASSWORD } from "@/tests/factories";
import { attemptSignIn } from "./sign-in";
import { ACCOUNT_CEILING, signInKeys } from "./sign-in-limits";

// Timing is not measured: on a shared machine a mean difference of a few milliseconds drowns in
// noise, so any tolerance wide enough not to flake would also pass the old ~10 ms difference.
// Instead the work itself is compared: the statements sent to PostgreSQL, in order, and the
// argon2id verifications, for an account and for an address with no account.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return { ...real, verify: vi.fn(real.verify) };
});

const original = Client.prototype.query;
let owner: Client;
let orgId: string;
const client = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const nobody = () => `nobody-${Math.random().toString(36).slice(2)}@test.example`;

async function member(): Promise<string> {
  const id = await createMember(orgId, "employee");
  const [row] = await withoutTenant((tx) =>
    tx.select({ email: users.email }).from(users).where(eq(users.id, id)),
  );
  return row.email;
}

/** The answer, the statements (text, without values) and the argon2id verifications of one attempt. */
async function work(email: string, password: string, ip: string) {
  const statements: string[] = [];
  const query = vi.spyOn(Client.prototype, "query").mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const [config] = args;
    statements.push(typeof config === "string" ? config : (config as { text: string }).text);
    return Reflect.apply(original, this, args) as ReturnType<Client["query"]>;
  });
  const verifications = vi.mocked(argon2.verify).mock.calls.length;
  try {
    const answer = await attemptSignIn({ email, password, ip });
    return {
      answer,
      statements,
      verifications: vi.mocked(argon2.verify).mock.calls.length - verifications,
    };
  } finally {
    query.mockRestore();
  }
}
beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  ({ orgId } = await createOrg());
  await attemptSignIn({ email: nobody(), password: "warm-up", ip: client() });
});
afterAll(() => owner.end());

describe("the work of a refused sign-in", () => {
  it("is the same for an account and for an address with no account, for a wrong password", async () => {
    const known = await work(await member(), "wrong password", client());
    const unknown = await work(nobody(), "wrong password", client());
    expect(known.answer).toEqual({ ok: false, code: "invalid" });
    expect(unknown).toEqual(known);
    expect(known.verifications).toBe(1);
    expect(known.statements.length).toBeGreaterThanOrEqual(5);
  });

  it("is the same while the client is paused", async () => {
    const [email, stranger, ip] = [await member(), nobody(), client()];
    for (let i = 0; i < 5; i++) {
      await attemptSignIn({ email, password: `wrong ${i}`, ip });
      await attemptSignIn({ email: stranger, password: `wrong ${i}`, ip });
    }
    const known = await work(email, TEST_PASSWORD, ip);
    expect(known).toMatchObject({ answer: { ok: false, code: "locked" }, verifications: 1 });
    expect(await work(stranger, TEST_PASSWORD, ip)).toEqual(known);
  });

  it("is the same past the account's ceiling, for the right password from a client the account does not know", async () => {
    const [email, stranger] = [await member(), nobody()];
    for (const address of [email, stranger]) {
      await owner.query(
        "insert into sign_in_counters (key, failures, last_failure_at) values ($1, $2, now())",
        [signInKeys(address, "").account, ACCOUNT_CEILING],
      );
    }
    const known = await work(email, TEST_PASSWORD, client());
    expect(known).toMatchObject({ answer: { ok: false, code: "invalid" }, verifications: 1 });
    expect(await work(stranger, TEST_PASSWORD, client())).toEqual(known);
  });
});
