import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable } from "@/components/ui/record-table";
import type { ImportSummary } from "@/lib/imports/queries";
import { ImportStatusBadge } from "./import-status";

/** Past and running imports: file, status, counts, who and when (no file content). */
export async function ImportHistory({ rows }: { rows: ImportSummary[] }) {
  const t = await getTranslations("imports.history");
  const counted = (r: ImportSummary, count: number) => (r.status === "uploaded" ? "—" : count);
  return (
    <RecordTable
      variant="inset"
      flush
      caption={t("title")}
      empty={{ title: t("empty") }}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          header: t("file"),
          cell: (r) => (
            <Link
              href={`/customers/import/${r.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {r.fileName}
            </Link>
          ),
          className: "max-w-xs truncate",
        },
        { header: t("status"), cell: (r) => <ImportStatusBadge status={r.status} /> },
        { header: t("rows"), cell: (r) => r.totalRows, align: "right", className: "tabular-nums" },
        {
          header: t("imported"),
          cell: (r) => counted(r, r.importedRows),
          align: "right",
          className: "tabular-nums",
        },
        {
          header: t("skipped"),
          cell: (r) => counted(r, r.errorRows),
          align: "right",
          className: "tabular-nums",
        },
        {
          header: t("by"),
          cell: (r) => r.createdByName ?? t("unknown"),
          className: "whitespace-nowrap",
        },
        {
          header: t("at"),
          cell: (r) => <EventTime iso={new Date(r.createdAt).toISOString()} />,
          className: "text-slate-600",
        },
      ]}
    />
  );
}
