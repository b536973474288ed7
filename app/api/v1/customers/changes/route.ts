import { listCustomerChanges } from "@/lib/api/endpoints";

/** Customers changed since a cursor (customers:read). */
export const GET = listCustomerChanges;
