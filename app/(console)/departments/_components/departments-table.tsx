import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecordTable, type RecordColumn } from "@/components/ui/record-table";
import type { DepartmentRow } from "@/lib/departments/queries";

export async function DepartmentsTable({
  rows,
  canManage,
}: {
  rows: DepartmentRow[];
  canManage: boolean;
}) {
  const [t, common] = await Promise.all([
    getTranslations("departments"),
    getTranslations("common"),
  ]);
  const edit: RecordColumn<DepartmentRow> = {
    header: <span className="sr-only">{common("actions")}</span>,
    cell: (row) => (
      <Link
        href={`/departments/${row.id}`}
        className="font-medium text-brand-700 hover:underline focus-visible:underline"
      >
        {common("edit")}
        <span className="sr-only"> {row.name}</span>
      </Link>
    ),
    align: "right",
  };
  return (
    <RecordTable
      variant="panel"
      caption={t("title")}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={() => "hover:bg-slate-50"}
      columns={[
        {
          header: t("name"),
          rowHeader: true,
          // Every reader opens a department's page from here (a manager lists only theirs).
          cell: (row) => (
            <Link href={`/departments/${row.id}`} className="text-brand-700 hover:underline">
              {row.name}
            </Link>
          ),
          className: "font-medium",
        },
        {
          header: t("head"),
          cell: (row) => row.headName ?? <span className="text-slate-400">{t("noHead")}</span>,
        },
        {
          header: t("members"),
          cell: (row) => row.memberCount,
          align: "right",
          className: "tabular-nums",
        },
        ...(canManage ? [edit] : []),
      ]}
    />
  );
}
