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
import { getDepartment } from "@/lib/departments/queries";
import { departmentMembers, memberOptions } from "@/lib/users/queries";
import { DepartmentForm } from "../_components/department-form";
import { remove, update } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("departments.read");
  const id = z.uuid().safeParse((await params).id);
  const department = id.success
    ? await withTenant(actor.orgId, (tx) => getDepartment(tx, actor.orgId, id.data), actor.userId)
    : undefined;
  return { title: department?.name ?? (await getTranslations("departments"))("title") };
}

/** A department: its head and team for everyone who reads departments (a manager starts here); editing with departments.manage. */
export default async function DepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("departments.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const canManage = can(actor.role, "departments.manage");
  const [t, common] = await Promise.all([
    getTranslations("departments"),
    getTranslations("common"),
  ]);
  const [department, team, heads] = await withTenant(
    actor.orgId,
    async (tx) =>
      [
        await getDepartment(tx, actor.orgId, id.data),
        await departmentMembers(tx, actor.orgId, id.data),
        canManage ? await memberOptions(tx, actor.orgId) : [],
      ] as const,
    actor.userId,
  );
  if (!department) notFound();

  return (
    <>
      <PageHeader
        title={department.name}
        description={t("editDescription", { count: department.memberCount })}
        actions={
          <Link href="/departments" className={buttonClass("secondary")}>
            {t("backToList")}
          </Link>
        }
      />
      <div className="max-w-2xl space-y-6">
        <Card
          title={t("team")}
          action={
            can(actor.role, "acknowledgements.read") && (
              <Link href="/tasks" className="text-sm text-brand-700 hover:underline">
                {t("teamTasks")}
              </Link>
            )
          }
        >
          <p className="mb-3 text-sm text-slate-600" data-testid="department-head">
            {t("headLine", { name: department.headName ?? t("noHead") })}
          </p>
          {team.length === 0 ? (
            <p className="text-sm text-slate-500">{t("teamEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="department-team">
              {team.map((m) => (
                <li key={m.userId} className="flex justify-between gap-3 py-2">
                  <span className="font-medium text-slate-900">{m.name}</span>
                  <span className="text-slate-500">{common(`roles.${m.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
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
