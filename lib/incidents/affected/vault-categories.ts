import type { DataCategory } from "@/lib/data-categories/options";

/**
 * Where the vault holds each data category an incident can involve, i.e. the system ("客户档案",
 * "支付账户", "券", "订单") and the field. A customer is affected through a category when they have
 * data there. Categories the vault does not hold (health, biometrics…) select nobody from it; the
 * officer enters an estimate for those.
 */
export const vaultCategories = {
  identity: { system: "profile", fields: ["display_name", "birth_date"] },
  contact: { system: "profile", fields: ["phone", "email"] },
  national_id: { system: "profile", fields: ["national_id"] },
  location: { system: "profile", fields: ["address"] },
  minors: { system: "profile", fields: ["minor_born_on"] },
  financial: { system: "payment_accounts", fields: ["identifier"] },
  vouchers: { system: "vouchers", fields: ["owner"] },
  transactions: { system: "orders", fields: ["buyer", "seller"] },
} as const satisfies Partial<Record<DataCategory, { system: string; fields: readonly string[] }>>;

export type VaultCategory = keyof typeof vaultCategories;
export const vaultCategoryKeys = Object.keys(vaultCategories) as VaultCategory[];
