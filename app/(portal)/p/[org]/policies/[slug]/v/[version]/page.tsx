import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { loadPublicDocument } from "../../../_components/load";
import { PublicPolicy } from "../../../_components/public-policy";

type Params = Promise<{ org: string; slug: string; version: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { org, slug, version } = await params;
  const { doc } = await loadPublicDocument(org, slug);
  return {
    title: `${(await getLocale()) === "en" ? doc.title.en : doc.title["zh-CN"]} v${version}`,
  };
}

/** An earlier (or the current) version, readable for as long as the document exists. */
export default async function PublicPolicyVersionPage({ params }: { params: Params }) {
  const { org: orgSlug, slug, version: number } = await params;
  const { org, doc, versions } = await loadPublicDocument(orgSlug, slug);
  const version = versions.find((v) => String(v.version) === number);
  if (!version) notFound();
  return (
    <PublicPolicy
      orgSlug={orgSlug}
      orgName={org}
      slug={slug}
      title={doc.title}
      version={version}
      versions={versions}
    />
  );
}
