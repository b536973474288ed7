import { getCustomerConsents } from "@/lib/api/consent-endpoints";

/** A customer's current consent per purpose (consent:read). */
export const GET = getCustomerConsents;
