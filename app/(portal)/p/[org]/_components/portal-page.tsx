import "server-only";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { portalSession } from "@/lib/portal/cookies";
import type { PortalPurpose } from "@/lib/portal/session";
import { organizationBySlug } from "@/lib/organizations/queries";

/**
 * Where an identity-gated portal page starts: the organisation (404 when the address names none),
 * the visitor's language, and their verified session for `purpose`, if they have one.
 */
export async function openPortalPage(params: Promise<{ org: string }>, purpose: PortalPurpose) {
  const { org: slug } = await params;
  const org = await organizationBySlug(slug);
  if (!org) notFound();
  const locale = asAppLocale(await getLocale());
  const session = await portalSession(org.id, purpose);
  return { slug, org, locale, orgName: locale === "en" ? org.nameEn : org.nameZh, session };
}

/** A portal page's heading: who publishes it, its title and what it is for. */
export function PortalHeader({
  publisher,
  title,
  intro,
}: {
  publisher: string;
  title: string;
  intro: string;
}) {
  return (
    <header className="space-y-1">
      <p className="text-sm text-slate-500">{publisher}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{intro}</p>
    </header>
  );
}
