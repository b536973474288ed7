import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { organizationBySlug } from "@/lib/organizations/queries";
import { InvitationAcceptance } from "./_components/invitation-acceptance";

export async function generateMetadata() {
  return { title: (await getTranslations("invitation"))("title"), referrer: "no-referrer" };
}

/**
 * Where an invitation's link leads. The token is in the URL fragment (`#…`), which browsers never
 * send to a server: the page reads it in the browser and posts it to a server action.
 */
export default async function InvitationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  if (!(await organizationBySlug(slug))) notFound();
  const t = await getTranslations("invitation");
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">{t("title")}</h1>
      <InvitationAcceptance org={slug} />
    </>
  );
}
