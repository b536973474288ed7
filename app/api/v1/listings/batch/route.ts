import { upsertListingBatch } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch upsert of transfer listings by externalRef (orders:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: upsertListingBatch,
});
