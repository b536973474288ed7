import { sql } from "drizzle-orm";
import { appDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { hashSecret, parseToken } from "@/lib/api/token";
import { describeChainFailure } from "@/lib/core/audit/verify-chain";
import { verifyOrganizationChain } from "@/lib/core/audit/verify-organization";
import { replayErasureLedger } from "@/lib/customers/erasure-replay";
import { vaultOpens } from "@/lib/customers/queries";
import { allOrganizations } from "@/lib/organizations/queries";

export interface DrillCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Customers per organisation whose name is decrypted: enough to prove the keys open the vault. */
const SAMPLE = 3;

/**
 * What a restored database must do before anyone relies on it, run as the application does
 * (the app role, under row-level security): every organisation's audit chain verifies, sealed
 * customer data opens with the master key, customers erased since the backup (the erasure ledger)
 * are erased again, and, given a token, an API key is accepted.
 */
export async function runDrillChecks(apiToken?: string): Promise<DrillCheck[]> {
  const checks: DrillCheck[] = [];
  const orgs = await allOrganizations();
  checks.push({ name: "organisations", ok: orgs.length > 0, detail: `${orgs.length} found` });
  // As every start does before serving: customers erased after this backup are erased again.
  const ledger = await replayErasureLedger();
  checks.push({
    name: "erasure ledger",
    ok: ledger.rejected === 0,
    detail: `${ledger.reErased} customers erased after this backup erased again, ${ledger.rejected} untrusted lines`,
  });
  for (const org of orgs) {
    const verdict = await withTenant(org.id, (tx) => verifyOrganizationChain(tx, org.id));
    checks.push({
      name: `audit chain of ${org.slug}`,
      ok: verdict.intact,
      detail: verdict.intact ? `intact to #${verdict.lastSeq}` : describeChainFailure(verdict),
    });
    const opened = await withTenant(org.id, (tx) => vaultOpens(tx, org.id, SAMPLE));
    checks.push({
      name: `vault of ${org.slug}`,
      ok: opened.decrypted === opened.sampled,
      detail: `${opened.decrypted} of ${opened.sampled} sampled customers decrypted`,
    });
  }
  if (apiToken) {
    const parts = parseToken(apiToken);
    const { rows } = parts
      ? await appDb().execute<{ call_outcome: string }>(
          sql`select call_outcome from api_call(${parts.prefix}, ${hashSecret(parts.secret)}, 'customers:write', 'drill', 1000)`,
        )
      : { rows: [] };
    const outcome = rows[0]?.call_outcome ?? "malformed token";
    checks.push({ name: "API key", ok: outcome === "ok", detail: outcome });
  }
  return checks;
}
