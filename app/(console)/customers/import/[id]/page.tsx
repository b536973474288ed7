import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { mappingFromHeaders } from "@/lib/imports/fields";
import { getImport, loadImportFile } from "@/lib/imports/queries";
import { ImportStatusBadge } from "../_components/import-status";
import { ImportPreview } from "./_components/import-preview";
import { ImportProgress } from "./_components/import-progress";
import { ImportResult } from "./_components/import-result";
import { mappingFromSearchParams } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("detail.title") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CustomerImportDetailPage({ params, searchParams }: Props) {
  const actor = await requirePage("customers.import");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations("imports");
  const { item, file } = await withTenant(
    actor.orgId,
    async (tx) => {
      const item = await getImport(tx, actor.orgId, id);
      // The file is decrypted only while there is a mapping to choose.
      const file =
        item?.status === "uploaded" ? await loadImportFile(tx, actor.orgId, id) : undefined;
      return { item, file };
    },
    actor.userId,
  );
  if (!item) notFound();

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title={t("detail.title")}
        description={t("detail.description", { file: item.fileName, rows: item.totalRows })}
        actions={
          <div className="flex items-center gap-3">
            <ImportStatusBadge status={item.status} />
            <Link href="/customers/import" className="text-sm text-brand-700 hover:underline">
              {t("detail.back")}
            </Link>
          </div>
        }
      />
      {item.status === "uploaded" && file && (
        <ImportPreview
          importId={item.id}
          file={file}
          mapping={
            mappingFromSearchParams(await searchParams) ??
            mappingFromHeaders(item.mapping, file.headers)
          }
        />
      )}
      {item.status === "running" && (
        <ImportProgress processed={item.processedRows} total={item.totalRows} />
      )}
      {(item.status === "completed" || item.status === "failed") && <ImportResult item={item} />}
    </div>
  );
}
