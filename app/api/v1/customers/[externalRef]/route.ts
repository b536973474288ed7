import { getCustomer } from "@/lib/api/endpoints";

/** One customer by the platform's externalRef, masked (customers:read). */
export const GET = getCustomer;
