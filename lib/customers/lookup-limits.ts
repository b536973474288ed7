import type { Role } from "@/db/schema/users";

/**
 * How many customers one person may look up by exact identifier, per hour. Support staff find
 * the customer of the conversation in front of them: a few an hour, rarely more than twenty.
 * Sixty leaves room for a busy hour and stops anyone walking a list of phone numbers (60 lookups
 * took 1.6 s before there was a limit). A privacy officer matches data-subject requests and
 * investigates incidents in batches, so has more, as for reveals.
 */
export const LOOKUP_WINDOW_SECONDS = 3600;
export const lookupLimit = (role: Role) => (role === "privacy_officer" ? 300 : 60);

/**
 * When the overview names a person for their lookups: this many or more in the last 24 hours.
 * A full day of support work is some tens of lookups; fifty in a day is more than one person's
 * queue and may mean customers are being looked up for something other than the work. The
 * hourly limit caps what is possible; this flag shows who came near it, and who kept going.
 */
export const UNUSUAL_LOOKUPS = { windowHours: 24, threshold: 50 } as const;
