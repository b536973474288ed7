import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client, Pool } from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { closeAppDb } from "@/db/client";
import { freePort } from "@/db/embedded";
import { checkCustomerConsent } from "@/lib/api/consent-endpoints";
import { upsertCustomerBatch } from "@/lib/api/endpoints";
import { call, newKey } from "@/lib/api/test-support";
import { hashSecret, parseToken } from "@/lib/api/token";
import { defineAction } from "@/lib/core/actions/define-action";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { actAs, createOrg, form } from "@/tests/factories";
import { redirectLogs } from "./logger";

afterAll(closeAppDb);

/**
 * Requests that fail in every layer, carrying a customer's reference, phone, email and ID number,
 * an API token (its secret and the secret's hash travel as query parameters). Every line any of
 * them writes (the logger's and, should anything still use it, the console's) is captured, and
 * none may hold one of those values.
 */
const tag = randomBytes(4).toString("hex");
const customer = {
  externalRef: `ref-${tag}-7731`,
  phone: "+8613912345678",
  email: `wei.${tag}@example.com`,
  nationalId: "11010519491231002X",
};
const purpose = `purpose_${tag}`;

let lines: string[] = [];
let restore: () => void;
beforeEach(() => {
  lines = [];
  restore = redirectLogs((line) => void lines.push(line));
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) =>
        void lines.push(
          args
            .map((a) =>
              a instanceof Error ? a.stack : typeof a === "string" ? a : JSON.stringify(a),
            )
            .join(" "),
        ),
    );
  }
});
afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

const owner = async <T>(run: (client: Client) => Promise<T>) => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

function expectNothingSecret(secrets: string[]) {
  const text = lines.join("\n");
  for (const secret of secrets) expect(text, `the logs hold ${secret}`).not.toContain(secret);
  // Nothing drizzle or pg would have quoted from the query.
  expect(text).not.toMatch(/params:|Failed query|Key \(|Failing row/);
}
const messages = () =>
  lines.flatMap((line) =>
    line.startsWith("{") ? [JSON.parse(line).msg as string] : [`(console) ${line}`],
  );

describe("logs while requests fail in every layer", () => {
  it("hold no secret, hash, token, customer reference, phone, email or ID number", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["customers:write", "consent:read"]);
    const { secret } = parseToken(key.token)!;
    const secrets = [
      key.token,
      secret,
      hashSecret(secret),
      customer.externalRef,
      customer.phone,
      "13912345678",
      customer.email,
      customer.nationalId,
      purpose,
    ];
    const post = (token: string, body: unknown) =>
      call(upsertCustomerBatch, "/customers/batch", { token, body });

    // API validation: a malformed email beside the real values.
    expect(
      (await post(key.token, { items: [{ ...customer, email: `not-an-email ${customer.email}` }] }))
        .status,
    ).toBe(422);
    // Authentication: the right prefix with a wrong secret, and no token at all.
    expect((await post(key.token.slice(0, -4) + "AAAA", { items: [customer] })).status).toBe(401);

    // A database constraint refuses the customer's row (pg's detail quotes the row).
    await owner((c) =>
      c.query(
        `alter table customers add constraint redaction_test_refuses check (external_ref <> '${customer.externalRef}') not valid`,
      ),
    );
    try {
      expect((await post(key.token, { items: [customer] })).status).toBe(500);
    } finally {
      await owner((c) => c.query("alter table customers drop constraint redaction_test_refuses"));
    }

    // The consent check's one statement fails after the key check: drizzle's error quoted its
    // parameters, the secret's hash, the customer's reference and the purpose.
    await owner((c) =>
      c.query(`
      create or replace function redaction_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$;
      create trigger redaction_test_refuse before insert or update on rate_limit_buckets for each row
        when (new.key like 'api-key:${key.id}%') execute function redaction_test_refuse()`),
    );
    try {
      const check = await call(
        checkCustomerConsent,
        `/customers/${customer.externalRef}/consents/${purpose}/check`,
        { token: key.token, params: { externalRef: customer.externalRef, purpose } },
      );
      expect(check.status).toBe(500);
    } finally {
      await owner((c) =>
        c.query(
          "drop trigger redaction_test_refuse on rate_limit_buckets; drop function redaction_test_refuse()",
        ),
      );
    }

    // The database is unreachable.
    await closeAppDb();
    const globals = globalThis as unknown as { appPool?: Pool };
    globals.appPool = new Pool({
      host: "127.0.0.1",
      port: await freePort(),
      user: "nobody",
      database: "gone",
      connectionTimeoutMillis: 2_000,
    });
    expect((await post(key.token, { items: [customer] })).status).toBe(503);
    await closeAppDb();

    // A console action whose query fails quoting the value it was given.
    await actAs(ownerId, orgId);
    const action = defineAction({
      permission: "self",
      schema: z.object({ phone: z.string() }),
      run: async ({ tx }, { phone }) => {
        await tx.execute(sql`select ${phone}::int`);
      },
    });
    expect(
      await action({ status: "idle" } as never, form({ phone: customer.phone })),
    ).toMatchObject({ status: "error", message: "errors.internal" });

    // A scheduled job whose work fails for an organisation, its error message naming the email.
    await expect(
      forEachOrganization({ type: "system", id: "redaction-test" }, async ({ tx, orgId: id }) => {
        if (id === orgId) await tx.execute(sql`select ${customer.email}::uuid`);
      }),
    ).rejects.toThrow(/scheduled task failed/);

    expectNothingSecret(secrets);
    // Each failure that is logged was logged (so the check above looked at real lines)...
    expect(messages()).toEqual(
      expect.arrayContaining([
        "api request failed",
        "api request failed: database unavailable",
        "action failed",
        "scheduled task failed for an organisation",
      ]),
    );
    expect(lines.every((line) => line.startsWith("{"))).toBe(true);
    // ...with what it may say: the route's pattern, the error's class and code.
    const constraint = lines
      .map((line) => JSON.parse(line))
      .find(
        (entry) => entry.msg === "api request failed" && entry.route === "/api/v1/customers/batch",
      );
    expect(constraint?.err).toMatchObject({
      class: "DrizzleQueryError",
      code: "23514",
      constraint: "redaction_test_refuses",
    });
    const check = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === "api request failed" && entry.route?.includes("/check"));
    expect(check).toMatchObject({
      route: "/api/v1/customers/[externalRef]/consents/[purpose]/check",
      err: { code: "P0001" },
      reqId: expect.any(String),
    });
  });
});
