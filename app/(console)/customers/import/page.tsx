import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { MAX_FILE_BYTES, MAX_ROWS } from "@/lib/imports/csv-file";
import { listImports } from "@/lib/imports/queries";
import { ImportHistory } from "./_components/import-history";
import { UploadForm } from "./_components/upload-form";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function CustomerImportPage() {
  const actor = await requirePage("customers.import");
  const [t, imports] = await Promise.all([
    getTranslations("imports"),
    withTenant(actor.orgId, (tx) => listImports(tx, actor.orgId), actor.userId),
  ]);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/customers" className="text-sm text-brand-700 hover:underline">
            {t("backToCustomers")}
          </Link>
        }
      />
      <Card title={t("upload.title")}>
        <UploadForm
          maxBytes={MAX_FILE_BYTES}
          hint={t("upload.hint", {
            megabytes: MAX_FILE_BYTES / 1024 / 1024,
            rows: MAX_ROWS.toLocaleString("en"),
          })}
        />
      </Card>
      <Card title={t("history.title")}>
        <ImportHistory rows={imports} />
      </Card>
    </div>
  );
}
