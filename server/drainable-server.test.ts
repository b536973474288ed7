import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDrainableServer } from "./drainable-server";

/** What one request ended with: an HTTP status, or the socket error a client saw instead. */
type Outcome = { id: string; status?: number; error?: string; retryAfter?: string };

function post(port: number, agent: Agent, id: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      {
        port,
        host: "127.0.0.1",
        method: "POST",
        path: "/api/v1/batch",
        agent,
        headers: { "Content-Type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ id, status: res.statusCode, retryAfter: res.headers["retry-after"] }),
        );
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ id, error: error.code ?? error.message }),
    );
    req.end(JSON.stringify({ id }));
  });
}

describe("createDrainableServer: stopping during a stream of batch uploads from two clients", () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
  beforeAll(async () => {
    await pool.query("create table if not exists drain_test_batches (id text primary key)");
  });
  afterAll(async () => {
    await pool.query("drop table if exists drain_test_batches");
    await pool.end();
  });

  it("answers every request 2xx or a retryable 503, never a reset or a 500, and stores each 2xx batch once", async () => {
    // Each batch is a transaction that takes a while, as a real ingest does.
    const { server, drain } = createDrainableServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", async () => {
        const { id } = JSON.parse(body) as { id: string };
        const db = await pool.connect();
        try {
          await db.query("begin");
          await db.query("select pg_sleep(0.05)");
          await db.query("insert into drain_test_batches (id) values ($1)", [id]);
          await db.query("commit");
          res
            .writeHead(200, { "Content-Type": "application/json" })
            .end(JSON.stringify({ stored: id }));
        } catch {
          await db.query("rollback").catch(() => {});
          res.writeHead(500).end();
        } finally {
          db.release();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const outcomes: Outcome[] = [];
    let started = 0;
    // A client sends batches one after another on one keep-alive connection until the server
    // refuses one (503) or no longer accepts a connection.
    const client = async (name: string) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let n = 0; ; n++) {
        started++;
        const outcome = await post(port, agent, `${name}-${n}`);
        outcomes.push(outcome);
        if (outcome.status !== 200) break;
      }
      agent.destroy();
    };
    const clients = Promise.all([client("a"), client("b")]);
    while (started < 10) await new Promise((resolve) => setImmediate(resolve));
    await drain(5_000);
    await clients;

    const ok = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 503);
    const failed = outcomes.filter(
      (o) => o.status !== undefined && o.status !== 200 && o.status !== 503,
    );
    const broken = outcomes.filter((o) => o.error !== undefined && o.error !== "ECONNREFUSED");
    expect(ok.length).toBeGreaterThanOrEqual(8);
    expect(failed).toEqual([]);
    // A request sent on an open connection always gets an answer; only a new connection after the
    // listener closed is refused, which a client (or the load balancer) retries elsewhere.
    expect(broken).toEqual([]);
    for (const outcome of refused) expect(outcome.retryAfter).toBe("5");

    const { rows } = await pool.query<{ id: string }>(
      "select id from drain_test_batches order by id",
    );
    expect(rows.map((r) => r.id).sort()).toEqual(ok.map((o) => o.id).sort());
  }, 30_000);
});
