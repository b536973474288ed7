import type { IdentityMethod, RequestType } from "@/db/schema/requests";

/**
 * The choices forms offer, importable from client components (the schema module pulls in the
 * database layer). options.test.ts keeps them equal to the schema's lists.
 */
export const requestTypeOptions = [
  "access",
  "portability",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "withdraw_consent",
  "account_cancellation",
  "question",
  "opt_out_sale_sharing",
  "limit_sensitive",
] as const satisfies readonly RequestType[];

export const identityMethodOptions = [
  "portal_code",
  "phone_callback",
  "email_reply",
  "id_document",
  "in_person",
  "account_session",
] as const satisfies readonly IdentityMethod[];

/** Channels staff enter requests from (the portal and the API have their own intake). */
export const staffChannels = ["phone", "email", "letter", "in_person"] as const;

/** How staff acknowledge a request that no notice can reach. */
export const acknowledgementChannels = ["phone", "letter", "in_person", "other"] as const;
