import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { freePort } from "@/db/embedded";
import { createOrg } from "@/tests/factories";
import { upsertCustomerBatch } from "./endpoints";
import { call, newKey } from "./test-support";

afterAll(closeAppDb);

/** Points the process's one application pool at a port where no database listens. */
async function databaseDown() {
  await closeAppDb();
  const globals = globalThis as unknown as { appPool?: Pool };
  globals.appPool = new Pool({
    host: "127.0.0.1",
    port: await freePort(),
    user: "nobody",
    database: "gone",
    connectionTimeoutMillis: 2_000,
  });
  globals.appPool.on("error", () => {});
}

describe("the API while the database is unreachable", () => {
  it("answers 503 problem+json with Retry-After (not a 500), and recovers by itself when the database is back", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["customers:write"]);
    const post = () =>
      call(upsertCustomerBatch, "/customers/batch", {
        token: key.token,
        body: { items: [{ externalRef: "outage-1" }] },
      });

    await databaseDown();
    const down = await post();
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toBe("application/problem+json");
    expect(down.headers.get("retry-after")).toBe("5");
    expect(down.body).toMatchObject({ type: "urn:privacy-desk:problem:unavailable", status: 503 });

    await closeAppDb(); // the next call opens a pool on the real database again
    expect((await post()).status).toBe(200);
  });
});
