import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { PurposeRow } from "@/lib/purposes/queries";
import { pick } from "../../policies/_components/localized";
import { ConsentKindBadge, StatusBadge } from "./purpose-badges";

/** The catalogue as a table; names and document titles in the reader's language. */
export function PurposeTable({ rows, caption }: { rows: PurposeRow[]; caption: string }) {
  const t = useTranslations("purposes");
  const common = useTranslations("common");
  const locale = useLocale();
  const head = ["code", "name", "legalBasis", "consentKind", "sensitive", "required", "recipients", "policy", "status"] as const;
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-slate-500">
          <tr>{head.map((h) => <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">{t(`list.${h}`)}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.id} className="align-top">
              <td className="px-3 py-2">
                <Link href={`/purposes/${p.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">{p.code}</Link>
              </td>
              <td className="min-w-40 px-3 py-2 text-slate-900">{pick(p.name, locale)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">{t(`options.legalBases.${p.legalBasis}`)}</td>
              <td className="min-w-40 whitespace-nowrap px-3 py-2"><ConsentKindBadge kind={p.consentKind} grounds={p.separateGrounds} /></td>
              <td className="whitespace-nowrap px-3 py-2">{p.sensitive ? <Badge tone="red">{t("sensitiveMark")}</Badge> : <span className="text-slate-400">—</span>}</td>
              <td className="whitespace-nowrap px-3 py-2">{p.required ? t("list.requiredYes") : <span className="text-slate-500">{t("list.optional")}</span>}</td>
              <td className="px-3 py-2 tabular-nums">{p.recipientVendorIds.length}</td>
              <td className="px-3 py-2 text-slate-600">{p.documentTitle ? pick(p.documentTitle, locale) : <span className="text-slate-400">{common("notSet")}</span>}</td>
              <td className="whitespace-nowrap px-3 py-2"><StatusBadge archived={p.archivedAt !== null} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
