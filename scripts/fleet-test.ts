/**
 * `node --import tsx --conditions=react-server scripts/fleet-test.ts [port]` (scripts/test-all.mjs
 * runs it after the build, beside the other suites): two web servers started as `npm start` starts
 * them (scripts/serve.ts, each with its in-process worker, as by default) and one `npm run worker`,
 * on one fresh database. Checks, failing with exit 1:
 * - all three report ready (/api/ready), each worker with its heartbeat;
 * - a session signed in on one server works on the other; failed sign-ins counted on both pause
 *   the account on either (the rate limit is shared);
 * - SIGTERM to one server while two clients ingest through it: every request gets 2xx or a
 *   retryable 503 (or a refused connection once it stopped listening), never a 500 or a reset; the
 *   clients retry on the other server with the same Idempotency-Key, and every batch is stored once;
 * - a key rotation started meanwhile, run by whichever worker takes it, is finished once, with its
 *   progress carried on when its runner stops (the stopping server or worker hands it over);
 * - the every-minute scheduled jobs ran once per minute, though three workers keep the schedule.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "@/tests/fresh-database";

const base = Number(process.argv[2] ?? "3400");
const ports = { a: base, b: base + 1 };
const url = (port: number) => `http://127.0.0.1:${port}`;
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const { POSTGRES_PASSWORD: _unused, ...secrets } = generateSecrets();
const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
Object.assign(process.env, secrets, {
  DATABASE_URL: database.url,
  NODE_ENV: "production",
  WORKER_IN_SERVER: "false",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: url(ports.a),
  // This run's own erasure ledger, not the demo's in .data.
  ERASURE_LEDGER_PATH: `test-results/fleet-${ports.a}/erasure-ledger.jsonl`,
});
const children: ChildProcess[] = [];

function launch(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WORKER_IN_SERVER: "true", ...env },
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        console.log(`[${name}] ${line}`);
    });
  children.push(child);
  return child;
}
const server = (port: number) =>
  launch(`server:${port}`, ["scripts/serve.ts", "start"], {
    PORT: String(port),
    NEXTAUTH_URL: url(port),
  });

async function owner<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(
  what: string,
  test: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await test().catch(() => false)) return true;
    await sleep(250);
  }
  check(false, `${what} (within ${timeoutMs / 1000} s)`);
  return false;
}

/** next-auth's credentials sign-in over HTTP; the session cookie, or undefined when refused. */
async function signIn(port: number, email: string, password: string): Promise<string | undefined> {
  const csrf = await fetch(`${url(port)}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const answer = await fetch(`${url(port)}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookies,
      Origin: url(port),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
}

async function main() {
  const { inTenant } = await import("@/lib/core/tenancy/context");
  const { withoutTenant, withTenant } = await import("@/db/tenant");
  const { createOrganization } = await import("@/lib/organizations/commands");
  const { createUser, addMember } = await import("@/lib/users/commands");
  const { createApiKey } = await import("@/lib/api/keys");
  const { seedProtectedValues } = await import("@/lib/keys/test-support");
  const { startRotation } = await import("@/lib/keys/rotation");
  const { enqueue, stopWorker } = await import("@/lib/core/jobs/worker");
  const { closeAppDb } = await import("@/db/client");

  // An organisation with an employee (no second factor), a customers:write key, and values to rotate.
  const password = `Fleet-${randomUUID()}`;
  const system = { type: "system", id: "fleet-test" } as const;
  const { orgId, ownerId } = await withoutTenant(async (tx) => {
    const owner = await createUser(tx, {
      email: `owner-${randomUUID()}@fleet.example`,
      name: "Owner",
      password,
      mustChangePassword: false,
    });
    return {
      ownerId: owner,
      orgId: await createOrganization(
        tx,
        {
          slug: `fleet-${Date.now()}`,
          nameZh: "集群",
          nameEn: "Fleet",
          jurisdictions: ["PIPL"],
          locale: "zh-CN",
        },
        owner,
        system,
      ),
    };
  });
  const people = ["session", "limited"].map((who) => `${who}-${randomUUID()}@fleet.example`);
  const sessionUserId = await withTenant(orgId, async (tx) => {
    const ids: string[] = [];
    for (const email of people)
      ids.push(
        (
          await addMember(tx, orgId, {
            email,
            name: "Fleet",
            role: "employee",
            temporaryPassword: password,
            mustChangePassword: false,
          })
        ).userId,
      );
    return ids[0];
  });
  const token = await inTenant(
    orgId,
    { type: "user", id: ownerId },
    async (ctx) => (await createApiKey(ctx, { name: "fleet", scopes: ["customers:write"] })).token,
  );
  await seedProtectedValues(orgId, 150);

  console.log("Starting two servers and a worker…");
  const a = server(ports.a);
  server(ports.b);
  const worker = launch("worker", ["scripts/worker.ts"], {});
  for (const port of [ports.a, ports.b]) {
    await until(
      `server ${port} ready`,
      async () => (await fetch(`${url(port)}/api/ready`)).status === 200,
      180_000,
    );
  }
  await until(
    "three workers beating (two in the servers, one apart)",
    async () => {
      const rows = await owner<{ kind: string }>(
        "select kind from worker_heartbeats where beat_at > now() - interval '30 seconds' order by kind",
      );
      return rows.map((r) => r.kind).join() === "server,server,worker";
    },
    60_000,
  );

  // Sessions and rate limits across servers.
  const session = await signIn(ports.a, people[0], password);
  check(session !== undefined, "signed in on server A");
  if (session) {
    const there = (await (
      await fetch(`${url(ports.b)}/api/auth/session`, { headers: { Cookie: session } })
    ).json()) as { uid?: string };
    check(there.uid === sessionUserId, "A's session is signed in on server B (the same person)");
    const page = await fetch(`${url(ports.b)}/`, {
      headers: { Cookie: session },
      redirect: "manual",
    });
    const to = page.headers.get("location") ?? "";
    check(
      page.status === 200 || (page.status >= 300 && page.status < 400 && !to.includes("/sign-in")),
      `a console page on B with A's session is served, not sent to sign in (${page.status} ${to})`,
    );
  }
  for (let i = 0; i < 5; i++)
    check(
      (await signIn(i % 2 ? ports.b : ports.a, people[1], "wrong password")) === undefined,
      `wrong password ${i + 1} refused (${i % 2 ? "B" : "A"})`,
    );
  check(
    (await signIn(ports.b, people[1], password)) === undefined &&
      (await signIn(ports.a, people[1], password)) === undefined,
    "after 5 failures spread over A and B, the right password is paused on both",
  );

  // A rotation, one value per batch, taken by whichever worker is free.
  const rotation = await inTenant(orgId, { type: "user", id: ownerId }, startRotation);
  await enqueue("key-rotation", { orgId, rotationId: rotation.id, batchSize: 1 });
  const progress = async () =>
    (
      await owner<{ done: number; status: string }>(
        "select done, status from key_rotations where id = $1",
        [rotation.id],
      )
    )[0];
  await until("the rotation under way", async () => (await progress()).done > 0, 60_000);

  // SIGTERM to server A while two clients ingest through it; each failed batch is retried on B.
  const SIZE = 20;
  const outcomes = { ok: 0, unavailable: 0, refused: 0, bad: [] as string[] };
  let batches = 0;
  let stopAt = Infinity;
  const post = (port: number, refs: string[], key: string) =>
    fetch(`${url(port)}/api/v1/customers/batch`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Idempotency-Key": key,
      },
      body: JSON.stringify({
        items: refs.map((externalRef) => ({ externalRef, displayName: "批量" })),
      }),
    });
  const client = async (name: string) => {
    for (let n = 0; Date.now() < stopAt; n++) {
      const refs = Array.from({ length: SIZE }, (_, i) => `${name}-${n}-${i}`);
      const key = randomUUID();
      batches += 1;
      let stored = false;
      try {
        const answer = await post(ports.a, refs, key);
        await answer.arrayBuffer();
        if (answer.status === 200) {
          outcomes.ok += 1;
          stored = true;
        } else if (answer.status === 503 && answer.headers.get("retry-after"))
          outcomes.unavailable += 1;
        else outcomes.bad.push(`status ${answer.status}`);
      } catch (error) {
        const code =
          ((error as Error).cause as { code?: string } | undefined)?.code ??
          (error as Error).message;
        if (code === "ECONNREFUSED") outcomes.refused += 1;
        else outcomes.bad.push(String(code));
      }
      if (!stored) {
        const retried = await post(ports.b, refs, key);
        await retried.arrayBuffer();
        if (retried.status !== 200) outcomes.bad.push(`retry on B: ${retried.status}`);
      }
    }
  };
  const clients = [client("c1"), client("c2")];
  await sleep(1500);
  const sigterm = Date.now();
  a.kill("SIGTERM");
  worker.kill("SIGTERM");
  const [code] = await Promise.all([
    new Promise<number | null>((resolve) => a.once("exit", (c) => resolve(c))),
    new Promise((resolve) => worker.once("exit", resolve)),
  ]);
  const stoppedIn = ((Date.now() - sigterm) / 1000).toFixed(1);
  stopAt = Date.now() + 1500;
  await Promise.all(clients);
  console.log(
    `SIGTERM: server A stopped in ${stoppedIn} s; ${batches} batches: ${outcomes.ok} stored by A, ${outcomes.unavailable} refused with 503, ${outcomes.refused} connections refused`,
  );
  check(code === 0, `server A exited 0 after SIGTERM (got ${code})`);
  check(
    outcomes.bad.length === 0,
    `no 500, no reset, no failed retry (${outcomes.bad.slice(0, 5).join(", ") || "none"})`,
  );
  check(
    outcomes.ok > 0 && outcomes.unavailable + outcomes.refused > 0,
    "some batches answered by A before it stopped, some refused after",
  );
  const stored = await owner<{ customers: number; events: number }>(
    `select
    (select count(*)::int from customers where org_id = $1 and external_ref ~ '^c[12]-') as customers,
    (select count(*)::int from audit_events where org_id = $1 and action = 'customer.batch_upserted' and actor_type = 'api_key') as events`,
    [orgId],
  );
  check(
    stored[0].customers === batches * SIZE,
    `every batch stored: ${stored[0].customers} customers = ${batches} × ${SIZE}`,
  );
  check(
    stored[0].events === batches,
    `each batch stored once: ${stored[0].events} batch events for ${batches} batches`,
  );

  await until(
    "the rotation finished by a remaining worker",
    async () => (await progress()).status === "completed",
    90_000,
  );
  const [finished] = await owner<{ done: number; total: number; completions: number }>(
    `select done, total,
    (select count(*)::int from audit_events where org_id = $1 and action = 'key.rotation_completed') as completions from key_rotations where id = $2`,
    [orgId, rotation.id],
  );
  check(
    finished.done === finished.total && finished.completions === 1,
    `rotation: ${finished.done} of ${finished.total} moved, completed once`,
  );

  // Every-minute schedules: at least one minute's run, and never two for one minute.
  await until(
    "an every-minute scheduled job ran",
    async () =>
      (await owner("select 1 from pgboss.job where name = 'message-delivery'")).length > 0,
    100_000,
  );
  const twice = await owner<{
    name: string;
  }>(`select name from pgboss.job where name in ('message-delivery', 'sign-in-failure-audit')
    group by name, date_trunc('minute', created_on) having count(*) > 1`);
  check(
    twice.length === 0,
    `each scheduled job ran once a minute across three workers${twice.length ? ` (twice: ${twice.map((r) => r.name).join(", ")})` : ""}`,
  );

  await stopWorker();
  await closeAppDb();
}

let ok = false;
try {
  await main();
  ok = failures.length === 0;
} catch (error) {
  console.error("fleet test failed:", error);
} finally {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => child.once("exit", resolve))
        : undefined,
    ),
  );
  await database
    .drop()
    .catch((error) =>
      console.error("could not drop the fleet database:", (error as Error).message),
    );
}
console.log(
  ok ? "Fleet test passed." : `Fleet test FAILED: ${failures.join("; ") || "see the error above"}`,
);
process.exit(ok ? 0 : 1);
