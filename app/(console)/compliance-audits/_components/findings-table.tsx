import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { RecordTable } from "@/components/ui/record-table";
import type { AuditFindingRow } from "@/lib/compliance-audits/queries";

const severityTone = { major: "red", minor: "amber", observation: "neutral" } as const;

/** Audit findings with their owner, due day and status; each links to its page. */
export function FindingsTable({
  rows,
  caption,
  testId,
}: {
  rows: AuditFindingRow[];
  caption: string;
  testId?: string;
}) {
  const t = useTranslations("complianceAudits");
  return (
    <RecordTable
      variant="inset"
      caption={caption}
      rows={rows}
      rowKey={(f) => f.id}
      testId={testId}
      empty={{ title: t("findings.empty") }}
      columns={[
        {
          header: t("finding.title"),
          rowHeader: true,
          cell: (f) => (
            <Link
              href={`/compliance-audits/findings/${f.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {f.title}
            </Link>
          ),
        },
        {
          header: t("finding.severity"),
          cell: (f) => (
            <Badge tone={severityTone[f.severity]}>{t(`severities.${f.severity}`)}</Badge>
          ),
        },
        { header: t("finding.department"), cell: (f) => f.department },
        { header: t("finding.owner"), cell: (f) => f.owner },
        { header: t("finding.dueOn"), cell: (f) => f.dueOn, className: "tabular-nums" },
        { header: t("fields.status"), cell: (f) => t(`findingStatuses.${f.status}`) },
      ]}
    />
  );
}
