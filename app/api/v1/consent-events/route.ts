import { recordConsentEvents } from "@/lib/api/consent-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Batch of consent receipts (consent:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: recordConsentEvents,
});
