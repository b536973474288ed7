import { upsertPaymentAccountBatch } from "@/lib/api/endpoints";

/** Batch upsert of payment accounts by externalRef (customers:write). */
export const POST = upsertPaymentAccountBatch;
