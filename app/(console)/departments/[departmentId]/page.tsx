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
import { getDepartment } from "@/lib/departments/queries";
import { memberOptions } from "@/lib/users/queries";
import { DepartmentForm } from "../_components/department-form";
import { remove, update } from "./actions";

export default async function DepartmentPage({ params }: { params: Promise<{ departmentId: string }> }) {
  const actor = await requirePage("departments.manage");
  const id = z.uuid().safeParse((await params).departmentId);
  if (!id.success) notFound();
  const [t, common] = await Promise.all([getTranslations("departments"), getTranslations("common")]);
  const [department, heads] = await withTenant(
    actor.orgId,
    async (tx) => [await getDepartment(tx, actor.orgId, id.data), await memberOptions(tx, actor.orgId)] as const,
    actor.userId,
  );
  if (!department) notFound();

  return (
    <>
      <PageHeader
        title={department.name}
        description={t("editDescription", { count: department.memberCount })}
        actions={<Link href="/departments" className={buttonClass("secondary")}>{t("backToList")}</Link>}
      />
      <div className="max-w-2xl space-y-6">
        <Card title={t("editTitle")}>
          <DepartmentForm action={update} department={department} headOptions={heads.map((h) => ({ value: h.userId, label: h.name }))} submitLabel={common("save")} />
        </Card>
        <Card title={t("deleteTitle")}>
          <p className="mb-3 text-sm text-slate-600">{department.memberCount > 0 ? t("deleteBlocked", { count: department.memberCount }) : t("deleteBody")}</p>
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
      </div>
    </>
  );
}
