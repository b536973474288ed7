import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { apiScopes } from "@/db/schema/api";
import { withTenant } from "@/db/tenant";
import { listApiKeys } from "@/lib/api/keys";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { CreateKeyFlow } from "./_components/create-key-form";
import { KeysTable } from "./_components/keys-table";

export async function generateMetadata() {
  return { title: (await getTranslations("api"))("title") };
}

export default async function ApiKeysPage() {
  const actor = await requirePage("api.read");
  const t = await getTranslations("api");
  const keys = await withTenant(actor.orgId, (tx) => listApiKeys(tx, actor.orgId), actor.userId);
  const canManage = can(actor.role, "api.manage");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/settings/api/reference" className={buttonClass("secondary")}>
            {t("reference.open")}
          </Link>
        }
      />
      <div className="max-w-5xl space-y-6">
        {canManage && (
          <Card title={t("create.title")} className="max-w-2xl">
            <CreateKeyFlow scopes={apiScopes} />
          </Card>
        )}
        <Card title={t("list.title")}>
          <KeysTable rows={keys} canManage={canManage} />
        </Card>
      </div>
    </>
  );
}
