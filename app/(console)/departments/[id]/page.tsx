import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { mayViewDepartment } from "@/lib/departments/access";
import { departmentOverview } from "@/lib/departments/overview";
import { getDepartment } from "@/lib/departments/queries";
import { memberOptions } from "@/lib/users/queries";
import { DepartmentForm } from "../_components/department-form";
import { DepartmentOverview } from "./_components/department-overview";
import { remove, update } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("departments.read");
  const id = z.uuid().safeParse((await params).id);
  const department = id.success
    ? await withTenant(
        actor.orgId,
        async (tx) =>
          (await mayViewDepartment(tx, actor.orgId, actor, id.data))
            ? getDepartment(tx, actor.orgId, id.data)
            : undefined,
        actor.userId,
      )
    : undefined;
  return { title: department?.name ?? (await getTranslations("departments"))("title") };
}

/**
 * A department's page: its head, its people and what is open for them (acknowledgements, requests,
 * incidents, audit findings), with a CSV export. A manager opens only the departments they head
 * (another is not found), and starts here; officers and auditors open every one; editing with
 * departments.manage.
 */
export default async function DepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("departments.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const canManage = can(actor.role, "departments.manage");
  const [t, common] = await Promise.all([
    getTranslations("departments"),
    getTranslations("common"),
  ]);
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      if (!(await mayViewDepartment(tx, actor.orgId, actor, id.data))) return undefined;
      const department = await getDepartment(tx, actor.orgId, id.data);
      if (!department) return undefined;
      return {
        department,
        overview: await departmentOverview(tx, actor.orgId, actor, id.data),
        heads: canManage ? await memberOptions(tx, actor.orgId) : [],
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { department, overview, heads } = data;

  return (
    <>
      <PageHeader
        title={department.name}
        description={t("editDescription", { count: department.memberCount })}
        actions={
          <>
            <a href={`/departments/${department.id}/export`} className={buttonClass("secondary")}>
              {t("overview.export")}
            </a>
            <Link href="/departments" className={buttonClass("secondary")}>
              {t("backToList")}
            </Link>
          </>
        }
      />
      <p className="mb-4 text-sm text-slate-600">
        <span data-testid="department-head">
          {t("headLine", { name: department.headName ?? t("noHead") })}
        </span>
        {can(actor.role, "acknowledgements.read") && (
          <>
            {" · "}
            <Link href="/tasks" className="text-brand-700 hover:underline">
              {t("teamTasks")}
            </Link>
          </>
        )}
      </p>
      <DepartmentOverview overview={overview} today={todayIso()} />
      <div className="mt-6 max-w-2xl space-y-6">
        {canManage && (
          <>
            <Card title={t("editTitle")}>
              <DepartmentForm
                action={update}
                department={department}
                headOptions={heads.map((h) => ({ value: h.userId, label: h.name }))}
                submitLabel={common("save")}
              />
            </Card>
            <Card title={t("deleteTitle")}>
              <p className="mb-3 text-sm text-slate-600">
                {department.memberCount > 0
                  ? t("deleteBlocked", { count: department.memberCount })
                  : t("deleteBody")}
              </p>
              <ConfirmForm
                action={remove}
                fields={{ id: department.id }}
                disabled={department.memberCount > 0}
                labels={{
                  trigger: t("delete"),
                  title: t("deleteConfirmTitle", { name: department.name }),
                  body: t("deleteConfirmBody"),
                  confirm: t("delete"),
                  cancel: common("cancel"),
                  pending: t("deleting"),
                }}
              />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
