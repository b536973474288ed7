import { upsertCustomerBatch } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch upsert of customers by externalRef (customers:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: upsertCustomerBatch,
});
