import { checkCustomerConsent } from "@/lib/api/consent-endpoints";

/** May the platform process for this purpose now? (consent:read; not audited per call) */
export const GET = checkCustomerConsent;
