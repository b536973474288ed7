import { upsertPaymentAccountBatch } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch upsert of payment accounts by externalRef (customers:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: upsertPaymentAccountBatch,
});
