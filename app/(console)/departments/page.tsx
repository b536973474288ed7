import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listDepartments } from "@/lib/departments/queries";
import { memberOptions } from "@/lib/users/queries";
import { DepartmentForm } from "./_components/department-form";
import { DepartmentsTable } from "./_components/departments-table";
import { create } from "./actions";
import { departmentsHref, parseDepartmentSearch } from "./search-params";

const PAGE_SIZE = 50;

export async function generateMetadata() {
  return { title: (await getTranslations("departments"))("title") };
}

export default async function DepartmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("departments.read");
  const search = parseDepartmentSearch(await searchParams);
  const canManage = can(actor.role, "departments.manage");
  const [t, common] = await Promise.all([
    getTranslations("departments"),
    getTranslations("common"),
  ]);
  const [page, heads] = await withTenant(
    actor.orgId,
    async (tx) =>
      [
        // A manager sees the departments they head; everyone else who reads departments, all.
        await listDepartments(tx, actor.orgId, {
          cursor: search.cursor,
          limit: PAGE_SIZE,
          headedBy: actor.role === "manager" ? actor.userId : undefined,
        }),
        canManage ? await memberOptions(tx, actor.orgId) : [],
      ] as const,
    actor.userId,
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {search.deleted && (
        <Notice tone="success" className="mb-4">
          {t("deleted")}
        </Notice>
      )}
      {canManage && (
        <Card title={t("createTitle")} className="mb-6">
          <DepartmentForm
            action={create}
            headOptions={heads.map((h) => ({ value: h.userId, label: h.name }))}
            submitLabel={t("createSubmit")}
          />
        </Card>
      )}
      {page.rows.length === 0 ? (
        <EmptyState
          title={t("empty.title")}
          body={canManage ? t("empty.bodyManage") : t("empty.body")}
        />
      ) : (
        <DepartmentsTable rows={page.rows} canManage={canManage} />
      )}
      <KeysetPager
        firstHref={search.cursor ? departmentsHref() : undefined}
        nextHref={page.next ? departmentsHref(page.next) : undefined}
        labels={{ nav: t("pages"), first: common("first"), next: common("next") }}
      />
    </>
  );
}
