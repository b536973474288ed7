import { upsertMerchantBatch } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch upsert of merchants by externalRef (orders:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: upsertMerchantBatch,
});
