import { checkCustomerConsent } from "@/lib/api/consent-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** May the platform process for this purpose now? (consent:read; not audited per call) */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: checkCustomerConsent,
});
