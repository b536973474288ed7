import { getTranslations } from "next-intl/server";
import { RecordTable } from "@/components/ui/record-table";
import type { RowError } from "@/lib/imports/row-errors";
import { rowErrorText } from "./row-error-text";

interface Props {
  errors: RowError[];
  /** Field → the CSV column it was read from. */
  columns: Record<string, string>;
  caption: string;
}

/** Row number, column and what is wrong; never the cell's value. */
export async function RowErrorTable({ errors, columns, caption }: Props) {
  const [t, root] = await Promise.all([getTranslations("imports"), getTranslations()]);
  const column = (field: string) => {
    if (field === "_row") return t("report.wholeRow");
    const label = t.has(`fields.${field}` as never) ? t(`fields.${field}` as never) : field;
    // The CSV's own column name too, when it differs from the field's.
    return columns[field] && columns[field] !== label ? `${label}（${columns[field]}）` : label;
  };
  return (
    <RecordTable
      variant="inset"
      caption={caption}
      rows={errors}
      rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
      columns={[
        {
          header: t("report.row"),
          cell: (e) => e.row,
          width: "w-20",
          className: "tabular-nums text-slate-800",
        },
        {
          header: t("report.column"),
          cell: (e) => column(e.field),
          className: "whitespace-nowrap text-slate-800",
        },
        {
          header: t("report.problem"),
          cell: (e) => rowErrorText(root as never, e.message),
          className: "text-red-700",
        },
      ]}
    />
  );
}
