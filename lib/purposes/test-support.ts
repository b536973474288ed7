/** Builders shared by the purpose tests. */
import { and, eq } from "drizzle-orm";
import { organizations, purposes, type Jurisdiction } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { form } from "@/tests/factories";

/** A complete, valid separate-consent purpose form, with fields replaced or removed (undefined). */
export function purposeForm(
  overrides: Record<string, string | string[] | undefined> = {},
): FormData {
  return form({
    identifier: "contact_for_redemption",
    nameZh: "向商户提供联系方式",
    nameEn: "Show your contact to the merchant",
    descriptionZh: "核销时向商户提供您的手机号。",
    descriptionEn: "We show your phone number to the merchant when you redeem.",
    basisPIPL: "consent",
    consentKind: "separate",
    separateGrounds: ["sharing"],
    dataCategories: ["contact", "vouchers"],
    ...overrides,
  });
}

export async function purposesOf(orgId: string) {
  return withTenant(orgId, (tx) => tx.select().from(purposes).where(eq(purposes.orgId, orgId)));
}

export async function purposeByCode(orgId: string, code: string) {
  return (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(purposes)
        .where(and(eq(purposes.orgId, orgId), eq(purposes.code, code))),
    )
  )[0];
}

export async function setJurisdictions(orgId: string, jurisdictions: Jurisdiction[]) {
  await withoutTenant((tx) =>
    tx.update(organizations).set({ jurisdictions }).where(eq(organizations.id, orgId)),
  );
}
