import { getCustomer } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** One customer by the platform's externalRef, masked (customers:read). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: getCustomer });
