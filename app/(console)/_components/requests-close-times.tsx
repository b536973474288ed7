import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import type { RequestType } from "@/db/schema/requests";

/** Median calendar days from receipt to closing, per type, over the last 90 days. */
export async function RequestsCloseTimes({
  rows,
}: {
  rows: Array<{ type: RequestType; median: number; count: number }>;
}) {
  const t = await getTranslations("requests");
  return (
    <Card title={t("overview.median")}>
      <RecordTable
        variant="inset"
        dense
        caption={t("overview.median")}
        empty={{ title: t("overview.medianEmpty") }}
        rows={rows}
        rowKey={(r) => r.type}
        columns={[
          { header: t("fields.type"), cell: (r) => t(`type.${r.type}`) },
          {
            header: t("overview.days"),
            cell: (r) => (Number.isInteger(r.median) ? r.median : r.median.toFixed(1)),
            align: "right",
            className: "font-semibold tabular-nums",
          },
          {
            header: t("overview.closed"),
            cell: (r) => r.count,
            align: "right",
            className: "text-slate-500 tabular-nums",
          },
        ]}
      />
    </Card>
  );
}
