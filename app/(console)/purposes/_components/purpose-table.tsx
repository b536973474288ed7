import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RecordTable } from "@/components/ui/record-table";
import type { PurposeRow } from "@/lib/purposes/queries";
import { lacksTransferMechanism } from "@/lib/purposes/rules";
import { localized } from "@/lib/core/i18n/localized-text";
import { BasesList, ConsentKindBadge, StatusBadge } from "./purpose-badges";

/** The catalogue as a table; names and document titles in the reader's language. */
export function PurposeTable({ rows, caption }: { rows: PurposeRow[]; caption: string }) {
  const t = useTranslations("purposes");
  const common = useTranslations("common");
  const locale = useLocale();
  return (
    <RecordTable
      variant="panel"
      caption={caption}
      rows={rows}
      rowKey={(p) => p.id}
      rowClassName={() => "align-top"}
      columns={[
        {
          header: t("list.code"),
          cell: (p) => (
            <Link
              href={`/purposes/${p.id}`}
              className="font-mono text-xs font-medium text-brand-700 hover:underline"
            >
              {p.code}
            </Link>
          ),
        },
        {
          header: t("list.name"),
          cell: (p) => localized(p.name, locale),
          className: "min-w-40 text-slate-900",
        },
        {
          header: t("list.bases"),
          cell: (p) => <BasesList bases={p.bases} />,
          className: "min-w-48 text-xs text-slate-600",
        },
        {
          header: t("list.consentKind"),
          cell: (p) => <ConsentKindBadge kind={p.consentKind} grounds={p.separateGrounds} />,
          className: "min-w-40 whitespace-nowrap",
        },
        {
          header: t("list.sensitive"),
          cell: (p) =>
            p.sensitive ? (
              <Badge tone="red">{t("sensitiveMark")}</Badge>
            ) : (
              <span className="text-slate-400">—</span>
            ),
          className: "whitespace-nowrap",
        },
        {
          header: t("list.required"),
          cell: (p) =>
            p.required ? (
              t("list.requiredYes")
            ) : (
              <span className="text-slate-500">{t("list.optional")}</span>
            ),
          className: "whitespace-nowrap",
        },
        {
          header: t("list.recipients"),
          cell: (p) => p.recipientVendorIds.length,
          className: "tabular-nums",
        },
        {
          header: t("list.policy"),
          cell: (p) =>
            p.documentTitle ? (
              localized(p.documentTitle, locale)
            ) : (
              <span className="text-slate-400">{common("notSet")}</span>
            ),
          className: "text-slate-600",
        },
        {
          header: t("list.status"),
          cell: (p) => (
            <span className="flex flex-wrap gap-1">
              <StatusBadge archived={p.archivedAt !== null} />
              {p.archivedAt === null && lacksTransferMechanism(p) && (
                <Badge tone="amber">{t("status.mechanismMissing")}</Badge>
              )}
            </span>
          ),
          className: "whitespace-nowrap",
        },
      ]}
    />
  );
}
