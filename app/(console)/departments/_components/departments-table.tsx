import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DepartmentRow } from "@/lib/departments/queries";

const th = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-4 py-3";

export async function DepartmentsTable({ rows, canManage }: { rows: DepartmentRow[]; canManage: boolean }) {
  const [t, common] = await Promise.all([getTranslations("departments"), getTranslations("common")]);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("name")}</th>
            <th scope="col" className={th}>{t("head")}</th>
            <th scope="col" className={`${th} text-right`}>{t("members")}</th>
            {canManage && <th scope="col" className={`${th} text-right`}><span className="sr-only">{common("actions")}</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className={`${td} font-medium text-slate-900`}>{row.name}</td>
              <td className={td}>{row.headName ?? <span className="text-slate-400">{t("noHead")}</span>}</td>
              <td className={`${td} text-right tabular-nums`}>{row.memberCount}</td>
              {canManage && (
                <td className={`${td} text-right`}>
                  <Link href={`/departments/${row.id}`} className="font-medium text-brand-700 hover:underline focus-visible:underline">
                    {common("edit")}<span className="sr-only"> {row.name}</span>
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
