"use server";

import { formDataToObject } from "@/lib/core/actions/form-data";
import { getActor } from "@/lib/core/auth/actor";
import { searchCustomersAs, type SearchState } from "@/lib/customers/search";

/**
 * The customer search: a POST, so the phone, email or ID number searched for never appears in a
 * URL. Not in actions.ts: it is a read that writes nothing (defineAction demands an audit event);
 * searchCustomersAs checks the session and customers.read itself.
 */
export async function searchCustomersAction(_previous: SearchState, formData: FormData): Promise<SearchState> {
  return searchCustomersAs(await getActor(), formDataToObject(formData));
}
