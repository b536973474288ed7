"use server";

import { formDataToObject } from "@/lib/core/actions/form-data";
import { getActor } from "@/lib/core/auth/actor";
import { searchCustomersAs, type SearchState } from "@/lib/customers/search";

/**
 * The customer search: a POST, so the phone, email or ID number searched for never appears in a
 * URL. Not a defineAction: that echoes the submitted values back with an error, and the searched
 * value must never come back. searchCustomersAs checks the session and customers.read, throttles
 * and audits the lookup itself.
 */
export async function searchCustomersAction(
  _previous: SearchState,
  formData: FormData,
): Promise<SearchState> {
  return searchCustomersAs(await getActor(), formDataToObject(formData));
}
