import { listCustomerChanges } from "@/lib/api/endpoints";
import { apiMethods } from "@/lib/api/methods";

/** Customers changed since a cursor (customers:read). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  GET: listCustomerChanges,
});
