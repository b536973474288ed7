import "server-only";
import { notFound } from "next/navigation";
import { withTenant } from "@/db/tenant";
import { organizationBySlug } from "@/lib/organizations/queries";
import { publicDocument } from "@/lib/policies/queries";

/** The organisation and its document's public versions, or the public 404 page. Drafts never reach here. */
export async function loadPublicDocument(orgSlug: string, slug: string) {
  const org = await organizationBySlug(orgSlug);
  if (!org) notFound();
  const found = await withTenant(org.id, (tx) => publicDocument(tx, org.id, slug));
  if (!found) notFound();
  return { org, ...found };
}
