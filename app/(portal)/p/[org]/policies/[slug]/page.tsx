import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { loadPublicDocument } from "../_components/load";
import { PublicPolicy } from "../_components/public-policy";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ org: string; slug: string }>;
}) {
  const { org, slug } = await params;
  const { doc } = await loadPublicDocument(org, slug);
  return { title: (await getLocale()) === "en" ? doc.title.en : doc.title["zh-CN"] };
}

/** The version in force now. */
export default async function PublicPolicyPage({
  params,
}: {
  params: Promise<{ org: string; slug: string }>;
}) {
  const { org: orgSlug, slug } = await params;
  const { org, doc, versions } = await loadPublicDocument(orgSlug, slug);
  const current = versions.find((v) => v.status === "published");
  if (!current) notFound();
  return (
    <PublicPolicy
      orgSlug={orgSlug}
      orgName={org}
      slug={slug}
      title={doc.title}
      version={current}
      versions={versions}
    />
  );
}
