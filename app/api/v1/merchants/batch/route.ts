import { upsertMerchantBatch } from "@/lib/api/endpoints";

/** Batch upsert of merchants by externalRef (orders:write). */
export const POST = upsertMerchantBatch;
