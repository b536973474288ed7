import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { customers } from "@/db/schema";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "./commands";
import { ledgerPath, readLedger } from "./erasure-ledger";

/**
 * Erases again every customer the ledger says was erased but the database holds unerased: what a
 * restore from a backup older than the erasure brings back. Runs at every start, before the
 * server takes requests (scripts/serve.ts), and in the restore drill. Each re-erasure is audited
 * as `customer.erased` with `replayedFromLedger`. Organisations the database does not hold are
 * skipped (row-level security shows their customers to no one).
 */
export async function replayErasureLedger(
  path = ledgerPath(),
): Promise<{ reErased: number; rejected: number }> {
  const { entries, rejected } = await readLedger({ path });
  const byOrg = new Map<string, Set<string>>();
  for (const { orgId, customerId } of entries)
    byOrg.set(orgId, (byOrg.get(orgId) ?? new Set()).add(customerId));
  let reErased = 0;
  for (const [orgId, ids] of byOrg) {
    reErased += await inTenant(orgId, jobActor("erasure-ledger"), async (ctx) => {
      const back = await ctx.tx
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.orgId, orgId),
            inArray(customers.id, [...ids]),
            ne(customers.status, "erased"),
          ),
        );
      for (const { id } of back) await eraseCustomer(ctx, id, { replayedFromLedger: true });
      return back.length;
    });
  }
  return { reErased, rejected };
}
