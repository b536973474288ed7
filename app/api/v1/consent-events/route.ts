import { recordConsentEvents } from "@/lib/api/consent-endpoints";

/** Batch of consent receipts (consent:write). */
export const POST = recordConsentEvents;
