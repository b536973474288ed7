import { upsertListingBatch } from "@/lib/api/endpoints";

/** Batch upsert of transfer listings by externalRef (orders:write). */
export const POST = upsertListingBatch;
