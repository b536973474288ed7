import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, organizations, requestTypes, type RequestType } from "@/db/schema";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { lawsOffering } from "../request-types";

/** The request types a customer's laws offer them (a PIPL customer is not offered "do not sell or share"). */
export async function requestTypesOffered(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<RequestType[]> {
  const [org] = await tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const [customer] = await tx
    .select({ laws: customers.laws, region: customers.region })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  const { laws } = applicableLaws(customer ?? null, org.jurisdictions);
  return requestTypes.filter((type) => lawsOffering(type, laws).length > 0);
}
