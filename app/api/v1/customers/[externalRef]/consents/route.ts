import { getCustomerConsents } from "@/lib/api/consent-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** A customer's current consent per purpose (consent:read). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: getCustomerConsents,
});
