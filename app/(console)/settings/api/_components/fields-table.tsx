import { getTranslations } from "next-intl/server";
import type { FieldRow } from "@/lib/api/reference";

/** Request or response fields of one endpoint, as the OpenAPI document describes them. */
export async function FieldsTable({ caption, rows }: { caption: string; rows: FieldRow[] }) {
  const t = await getTranslations("api.reference");
  return (
    <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="bg-slate-50 px-3 py-2 text-left text-xs font-semibold text-slate-700">
          {caption}
        </caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("field")}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("type")}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("required")}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {t("notes")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.name}>
              <td className="px-3 py-1.5 font-mono text-xs whitespace-nowrap text-slate-900">
                {row.name}
              </td>
              <td className="px-3 py-1.5 font-mono text-xs text-slate-700">{row.type}</td>
              <td className="px-3 py-1.5 text-xs text-slate-700">{row.required ? t("yes") : ""}</td>
              <td className="px-3 py-1.5 text-xs text-slate-600">{row.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
