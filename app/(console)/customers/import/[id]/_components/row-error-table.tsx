import { getTranslations } from "next-intl/server";
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
  const cell = "px-4 py-2";
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className={`${cell} w-20 font-medium`}>{t("report.row")}</th>
            <th scope="col" className={`${cell} font-medium`}>{t("report.column")}</th>
            <th scope="col" className={`${cell} font-medium`}>{t("report.problem")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {errors.map((e, i) => (
            <tr key={`${e.row}-${e.field}-${i}`}>
              <td className={`${cell} tabular-nums text-slate-800`}>{e.row}</td>
              <td className={`${cell} whitespace-nowrap text-slate-800`}>{column(e.field)}</td>
              <td className={`${cell} text-red-700`}>{rowErrorText(root as never, e.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
