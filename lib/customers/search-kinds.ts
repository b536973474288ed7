import type { CustomerSummary } from "@/lib/customers/queries";

/** How the search form reads its one input; "auto" tries every kind the text could be. */
export const searchKinds = ["auto", "phone", "email", "nationalId", "externalRef"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** What the search form shows: matches (masked), or why there are none. Never the searched value. */
export type SearchState =
  | { status: "idle" }
  | { status: "ok"; rows: CustomerSummary[] }
  | { status: "error"; message: string; fieldErrors?: Record<string, string> };
