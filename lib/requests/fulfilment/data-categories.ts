import type { DataCategory } from "@/lib/data-categories/options";

/**
 * Which data categories (the vocabulary purposes and vendors share) each kind of customer data
 * falls under, as data. A vendor whose categories overlap the customer's gets an erasure task.
 */
export const customerDataCategories = {
  displayName: ["identity"],
  phone: ["contact"],
  email: ["contact"],
  nationalId: ["national_id"],
  address: ["contact", "location"],
  birthDate: ["identity"],
  /** Real-name verification is done by face comparison against the ID (a biometric vendor). */
  realNameVerified: ["identity", "biometric"],
  paymentAccounts: ["financial"],
  orders: ["transactions"],
  listings: ["transactions"],
  vouchers: ["vouchers"],
  /** Consent receipts recorded with a device's user agent or address. */
  deviceSignals: ["device"],
} as const satisfies Record<string, readonly DataCategory[]>;

export type CustomerDataKind = keyof typeof customerDataCategories;

/** The categories covered by the kinds of data a customer has, sorted. */
export function categoriesOf(has: Partial<Record<CustomerDataKind, boolean>>): DataCategory[] {
  const out = new Set<DataCategory>();
  for (const [kind, present] of Object.entries(has)) {
    if (present)
      for (const category of customerDataCategories[kind as CustomerDataKind]) out.add(category);
  }
  return [...out].sort();
}
