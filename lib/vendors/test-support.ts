/** Builders shared by the vendor tests: a valid form, a valid command input, direct inserts. */
import { and, eq } from "drizzle-orm";
import { vendors } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { form } from "@/tests/factories";
import type { Tx } from "@/db/client";
import { createVendor } from "./commands";
import type { VendorInput } from "./schemas";

export const lowRiskAnswers = {
  volume: "under10k",
  access: "transit",
  subprocessors: "none",
  incidents: "none",
  deletion: "verified",
  assessment: "audited",
} as const;

/** A complete, valid vendor form (risk 1 → low), with fields replaced or removed (undefined). */
export function vendorForm(
  overrides: Record<string, string | string[] | undefined> = {},
): FormData {
  const risk = Object.fromEntries(Object.entries(lowRiskAnswers).map(([q, a]) => [`risk.${q}`, a]));
  return form({
    name: "Acme SMS",
    service: "SMS verification codes",
    country: "CN",
    handlerRole: "entrusted_processor",
    dataCategories: ["contact"],
    purposes: ["messaging"],
    dpaStatus: "none",
    ...risk,
    ...overrides,
  });
}

export const baseInput: VendorInput = {
  name: "Acme SMS",
  service: "SMS verification codes",
  country: "CN",
  handlerRole: "entrusted_processor",
  dataCategories: ["contact"],
  purposes: ["messaging"],
  sensitiveData: false,
  crossBorder: false,
  dpaStatus: "none",
  certifications: [],
  risk: { ...lowRiskAnswers },
};

/** What the vendor commands need, auditing as the test system. */
export function commandContext(tx: Tx, orgId: string): TenantContext {
  return tenantContext(tx, orgId, { type: "system", id: "test" });
}

/** Creates a vendor through the command on a chosen "today". */
export function insertVendor(
  orgId: string,
  input: Partial<VendorInput> = {},
  today?: string,
): Promise<string> {
  return withTenant(orgId, (tx) =>
    createVendor(commandContext(tx, orgId), { ...baseInput, ...input }, today),
  );
}

export function vendorsOf(orgId: string) {
  return withTenant(orgId, (tx) => tx.select().from(vendors).where(eq(vendors.orgId, orgId)));
}

export async function vendorById(orgId: string, id: string) {
  return (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(vendors)
        .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id))),
    )
  )[0];
}
