import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControl } from "@/components/ui/archive-control";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { listAuditEvents } from "@/lib/core/audit/queries";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { departmentOptions } from "@/lib/departments/queries";
import { getVendor } from "@/lib/vendors/queries";
import { isVendorId } from "@/lib/vendors/schemas";
import { archiveVendorAction, restoreVendorAction } from "./actions";
import { VendorDetails } from "./_components/vendor-details";
import { VendorHistory } from "./_components/vendor-history";

const notices = {
  created: "created",
  updated: "updated",
  archived: "archivedDone",
  restored: "restoredDone",
} as const;

export async function generateMetadata() {
  return { title: (await getTranslations("vendors"))("title") };
}

export default async function VendorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("vendors.read");
  const { id } = await params;
  if (!isVendorId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const vendor = await getVendor(tx, actor.orgId, id);
      if (!vendor) return undefined;
      const history = await listAuditEvents(
        tx,
        { targetType: "vendor", targetId: id },
        { limit: 50 },
      );
      const departments = await departmentOptions(tx, actor.orgId);
      return {
        vendor,
        history: history.rows,
        departmentName: departments.find((d) => d.id === vendor.ownerDepartmentId)?.name ?? null,
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { vendor } = data;
  const [t, notice] = await Promise.all([
    getTranslations("vendors"),
    searchParams.then((s) => s.notice),
  ]);
  const noticeKey =
    notice && notice in notices ? notices[notice as keyof typeof notices] : undefined;

  return (
    <>
      <Link
        href="/vendors"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={vendor.name}
        description={vendor.service}
        actions={
          <div className="flex items-start gap-2">
            {can(actor.role, "vendors.update") && (
              <Link href={`/vendors/${id}/edit`} className={buttonClass("secondary")}>
                {t("edit")}
              </Link>
            )}
            {can(actor.role, "vendors.archive") && (
              <ArchiveControl
                namespace="vendors"
                archived={vendor.archivedAt !== null}
                archive={archiveVendorAction}
                restore={restoreVendorAction}
                fields={{ id }}
                values={{ name: vendor.name }}
              />
            )}
          </div>
        }
      />
      <div className="mb-6 space-y-3 empty:hidden">
        {noticeKey && <Notice tone="success">{t(noticeKey)}</Notice>}
        {vendor.archivedAt && <Notice tone="warning">{t("detail.archivedNotice")}</Notice>}
      </div>
      <VendorDetails vendor={vendor} departmentName={data.departmentName} />
      <Card title={t("sections.history")} className="mt-6">
        <VendorHistory events={data.history} />
      </Card>
    </>
  );
}
