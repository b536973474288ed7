import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { departmentOptions } from "@/lib/departments/queries";
import { getMember } from "@/lib/users/queries";
import { grantableRoles } from "@/lib/users/rules";
import { recordScope } from "@/app/(console)/training/scope";
import { TrainingRecord } from "@/app/(console)/training/_components/training-record";
import { todayIso } from "@/lib/core/dates";
import { trainingRecordOf } from "@/lib/training/queries";
import { ManagePanel } from "../_components/manage-panel";
import { MfaBadge, StatusBadge } from "../_components/member-badges";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("users.read");
  const userId = z.uuid().safeParse((await params).id);
  if (!userId.success) notFound();
  const [t, common, format] = await Promise.all([
    getTranslations("users"),
    getTranslations("common"),
    getDates(),
  ]);
  const [member, departments, training] = await withTenant(
    actor.orgId,
    async (tx) => {
      const member = await getMember(tx, actor.orgId, userId.data);
      // Training records: officers and auditors see anyone's, a manager those of the
      // departments they head.
      const scope = can(actor.role, "trainingRecords.read") ? await recordScope(tx, actor) : [];
      const readsTraining =
        member && (scope === undefined || scope.includes(member.departmentId ?? ""));
      return [
        member,
        await departmentOptions(tx, actor.orgId),
        readsTraining ? await trainingRecordOf(tx, actor.orgId, member.userId) : null,
      ] as const;
    },
    actor.userId,
  );
  if (!member) notFound();

  const isSelf = member.userId === actor.userId;
  const ownerProtected = member.role === "owner" && actor.role !== "owner";
  const mayManage = can(actor.role, "users.update") && !ownerProtected;

  return (
    <>
      <PageHeader
        title={member.name}
        description={member.email}
        actions={
          <Link href="/users" className={buttonClass("secondary")}>
            {t("backToList")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("manage.details")} className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <Detail label={t("columns.role")}>{common(`roles.${member.role}`)}</Detail>
            <Detail label={t("columns.department")}>
              {member.departmentName ?? t("noDepartment")}
            </Detail>
            <Detail label={t("columns.mfa")}>
              <MfaBadge status={member.mfa} />
            </Detail>
            <Detail label={t("columns.status")}>
              <StatusBadge deactivated={member.deactivated} />
            </Detail>
            <Detail label={t("manage.joined")}>{format.instant(member.joinedAt, "date")}</Detail>
          </dl>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          {isSelf && <Notice>{t("manage.selfNotice")}</Notice>}
          {ownerProtected && can(actor.role, "users.update") && (
            <Notice tone="warning">{t("manage.ownerProtected")}</Notice>
          )}
          {mayManage && (
            <ManagePanel
              member={member}
              isSelf={isSelf}
              roleOptions={grantableRoles(actor).map((r) => ({
                value: r,
                label: common(`roles.${r}`),
              }))}
              departmentOptions={[
                { value: "", label: t("noDepartment") },
                ...departments.map((d) => ({ value: d.id, label: d.name })),
              ]}
            />
          )}
          {training && <TrainingRecord record={training} today={todayIso()} />}
        </div>
      </div>
    </>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
