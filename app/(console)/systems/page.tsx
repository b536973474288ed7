import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listSystems } from "@/lib/systems/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("systems"))("title") };
}

export default async function SystemsPage({
  searchParams,
}: {
  searchParams: Promise<{ archived?: string }>;
}) {
  const actor = await requirePage("systems.read");
  const archived = (await searchParams).archived === "1";
  const rows = await withTenant(
    actor.orgId,
    (tx) => listSystems(tx, actor.orgId, { archived }),
    actor.userId,
  );
  const [t, region] = await Promise.all([
    getTranslations("systems"),
    getTranslations("vendors.options.regions"),
  ]);
  const newButton = can(actor.role, "systems.manage") && !archived && (
    <Link href="/systems/new" className={buttonClass()}>
      {t("newSystem")}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/data-map" className={buttonClass("secondary")}>
              {t("openMap")}
            </Link>
            {newButton}
          </div>
        }
      />
      <p className="mb-3 text-sm">
        <Link
          href={archived ? "/systems" : "/systems?archived=1"}
          className="text-brand-700 hover:underline"
        >
          {archived ? t("showActive") : t("showArchived")}
        </Link>
      </p>
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        empty={
          archived
            ? { title: t("list.emptyArchived") }
            : { title: t("list.empty"), body: t("list.emptyBody"), action: newButton }
        }
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          {
            header: t("fields.name"),
            rowHeader: true,
            cell: (row) => (
              <Link
                href={`/systems/${row.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {row.name}
              </Link>
            ),
          },
          { header: t("fields.kind"), cell: (row) => t(`kinds.${row.kind}`) },
          {
            header: t("fields.ownerDepartment"),
            cell: (row) => row.departmentName ?? t("noDepartment"),
          },
          {
            header: t("fields.hostingLocation"),
            cell: (row) => (
              <>
                {row.hostingLocation}
                <span className="block text-xs text-slate-500">{region(row.country)}</span>
              </>
            ),
          },
          { header: t("fields.vendor"), cell: (row) => row.vendorName ?? t("none") },
          {
            header: t("fields.dataCategories"),
            cell: (row) => t("list.categories", { count: row.dataCategories.length }),
            className: "tabular-nums",
          },
          {
            header: t("fields.securityMeasures"),
            cell: (row) => t("list.measures", { count: row.securityMeasures.length }),
            className: "tabular-nums",
          },
        ]}
      />
    </>
  );
}
