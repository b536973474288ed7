import { upsertVoucherBatch } from "@/lib/api/endpoints";

/** Batch upsert of vouchers by externalRef (orders:write). */
export const POST = upsertVoucherBatch;
