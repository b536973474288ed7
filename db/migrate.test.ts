import { Client } from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "@/tests/fresh-database";
import { setAppRolePassword } from "./migrate";
import { APP_ROLE } from "./urls";

let first: FreshDatabase;
let second: FreshDatabase;

beforeAll(async () => {
  first = await createFreshDatabase(process.env.DATABASE_APP_PASSWORD!);
  second = await createFreshDatabase(process.env.DATABASE_APP_PASSWORD!);
});
afterAll(async () => {
  await first.drop();
  await second.drop();
});

it("sets the application role's password while another database's migration is setting it", async () => {
  const rival = new Client({ connectionString: first.url });
  const starter = new Client({ connectionString: second.url });
  await rival.connect();
  await starter.connect();
  try {
    // The rival holds the role's row, uncommitted, as a migration of another database would.
    await rival.query("begin");
    await rival.query(`ALTER ROLE ${APP_ROLE} PASSWORD '${process.env.DATABASE_APP_PASSWORD}'`);
    const setting = setAppRolePassword(starter, process.env.DATABASE_APP_PASSWORD!);
    // The starter waits on the rival's row lock; once the rival commits, its first try is refused
    // with "tuple concurrently updated" and the second succeeds.
    await waitUntilBlocked(first.url, starter);
    await rival.query("commit");
    await expect(setting).resolves.toBeUndefined();
  } finally {
    await rival.end();
    await starter.end();
  }
});

/** Until the starter's backend waits on a lock (pg_stat_activity, read outside any transaction). */
async function waitUntilBlocked(url: string, starter: Client): Promise<void> {
  const pid = (starter as unknown as { processID: number }).processID;
  const observer = new Client({ connectionString: url });
  await observer.connect();
  try {
    for (;;) {
      const { rows } = await observer.query(
        "select wait_event_type from pg_stat_activity where pid = $1",
        [pid],
      );
      if (rows[0]?.wait_event_type === "Lock") return;
    }
  } finally {
    await observer.end();
  }
}
