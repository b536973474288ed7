import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { CustomerLaw } from "@/db/schema/customers";
import type { Jurisdiction } from "@/db/schema/organizations";
import { applicableLaws } from "@/lib/customers/applicable-laws";

/** The laws that apply to a verified portal visitor (applicableLaws), so the page speaks their law's language. */
export async function lawsOfCustomer(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<CustomerLaw[]> {
  const {
    rows: [row],
  } = await tx.execute<{
    laws: string[];
    region: string | null;
    jurisdictions: Jurisdiction[];
  }>(sql`
    select c.laws, c.region, o.jurisdictions from customers c join organizations o on o.id = c.org_id
    where c.org_id = ${orgId} and c.id = ${customerId}`);
  return applicableLaws(row ?? null, row?.jurisdictions ?? []).laws;
}

/** Request types whose explanation differs by law (PIPL Art. 44, GDPR Arts. 18/21; CCPA has its own opt-out and limit types). */
export const typesExplainedPerLaw: ReadonlySet<string> = new Set(["restriction", "objection"]);
