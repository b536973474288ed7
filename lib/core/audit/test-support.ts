import { Client } from "pg";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { recordAudit } from "./record";

/** A new organisation whose chain holds `count` events after its creation event (#1). */
export async function orgWithEvents(count: number): Promise<string> {
  const { orgId } = await createOrg();
  await withTenant(orgId, async (tx) => {
    for (let i = 0; i < count; i++) {
      await recordAudit(tx, orgId, { type: "system", id: "test" }, { action: "vendor.updated", targetType: "vendor", targetId: `v-${i}`, details: { fields: ["name"], n: i } });
    }
  });
  return orgId;
}

/**
 * Runs SQL as the database owner with triggers off (session_replication_role = replica): what an
 * attacker holding the owner's credentials could do, which only the chain can reveal.
 */
export async function tamper(statements: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await statements(client);
    await client.query("commit");
  } finally {
    await client.end();
  }
}
