import { upsertVoucherBatch } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch upsert of vouchers by externalRef (orders:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: upsertVoucherBatch,
});
