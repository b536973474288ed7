import "server-only";
import { AppError } from "@/lib/core/errors";
import type { PortalPurpose } from "@/lib/portal/session";
import { organizationBySlug } from "@/lib/organizations/queries";

/** The organisation slug a portal form posts (a hidden field: the page's own slug). */
export const slugOf = (formData: FormData) => String(formData.get("org") ?? "");

/** The portal page of a purpose: /p/<org>/preferences, /p/<org>/requests. */
export const portalPage = (slug: string, purpose: PortalPurpose) => `/p/${encodeURIComponent(slug)}/${purpose}`;

export async function orgOf(formData: FormData) {
  const org = await organizationBySlug(slugOf(formData));
  if (!org) throw new AppError("notFound");
  return org;
}
