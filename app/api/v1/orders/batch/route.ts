import { upsertOrderBatch } from "@/lib/api/endpoints";

/** Batch upsert of transfer orders by externalRef (orders:write). */
export const POST = upsertOrderBatch;
