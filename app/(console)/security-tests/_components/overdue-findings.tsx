import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import type { FindingRow } from "@/lib/security-tests/queries";
import { DueOn, PriorityBadge } from "./finding-badges";

/** Findings past their remediation deadline: on the security tests page and the overview. */
export async function OverdueFindings({
  rows,
  total,
  today,
  className,
}: {
  rows: FindingRow[];
  total: number;
  today: string;
  className?: string;
}) {
  const t = await getTranslations("securityTests");
  return (
    <Card title={`${t("overdueTitle")} (${total})`} className={className}>
      <div data-testid="overdue-findings">
        <RecordTable
          variant="inset"
          caption={t("overdueTitle")}
          empty={{ title: t("noneOverdue") }}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              header: t("finding.title"),
              rowHeader: true,
              cell: (row) => (
                <Link
                  href={`/security-tests/findings/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {row.title}
                </Link>
              ),
            },
            {
              header: t("finding.priority"),
              cell: (row) => <PriorityBadge priority={row.priority} />,
              className: "whitespace-nowrap",
            },
            { header: t("finding.owner"), cell: (row) => row.owner },
            {
              header: t("finding.dueOn"),
              cell: (row) => <DueOn finding={row} today={today} />,
              className: "whitespace-nowrap",
            },
          ]}
        />
      </div>
    </Card>
  );
}
