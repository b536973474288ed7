import { getLocale, getTranslations } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { notFound } from "next/navigation";
import { organizationBySlug } from "@/lib/organizations/queries";
import { Tracker } from "./_components/tracker";

export async function generateMetadata() {
  return {
    title: (await getTranslations("portalRequests.track"))("title"),
    referrer: "no-referrer",
  };
}

/**
 * The requester's tracking page. The token is in the URL fragment (`#…`), which browsers never
 * send to a server: the page reads it in the browser and posts it to a server action.
 */
export default async function TrackPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await organizationBySlug(slug);
  if (!org) notFound();
  const [t, locale] = await Promise.all([getTranslations("portalRequests"), getLocale()]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">{locale === "en" ? org.nameEn : org.nameZh}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{t("track.title")}</h1>
      </header>
      {/* The portal has no signed-in organisation: its times are on the publishing organisation's clock. */}
      <NextIntlClientProvider timeZone={org.timeZone}>
        <Tracker org={slug} />
      </NextIntlClientProvider>
      <p className="text-sm text-slate-600" data-testid="track-lost">
        {t("track.lost")}{" "}
        <a
          href={`/p/${encodeURIComponent(slug)}/requests`}
          className="font-medium text-brand-700 underline"
        >
          {t("track.lostAction")}
        </a>
      </p>
    </div>
  );
}
