import { upsertCustomerBatch } from "@/lib/api/endpoints";

/** Batch upsert of customers by externalRef (customers:write). */
export const POST = upsertCustomerBatch;
