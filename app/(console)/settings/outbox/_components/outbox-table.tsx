import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable, type RecordColumn } from "@/components/ui/record-table";
import type { OutboxRow } from "@/lib/outbox/queries";

const statusTone: Record<OutboxRow["status"], BadgeTone> = {
  pending: "blue",
  sent: "green",
  failed: "red",
  held: "amber",
};

export async function OutboxTable({
  rows,
  withBodies,
}: {
  rows: OutboxRow[];
  withBodies: boolean;
}) {
  const t = await getTranslations("outbox");
  const template = (name: string) =>
    t.has(`templates.${name.replaceAll(".", "_")}`)
      ? t(`templates.${name.replaceAll(".", "_")}` as never)
      : name;
  const body: RecordColumn<OutboxRow> = {
    header: t("columns.body"),
    cell: (row) => row.body ?? <span className="text-slate-400">{t("unreadable")}</span>,
    className: "max-w-md text-slate-800",
    testId: "outbox-body",
  };
  return (
    <RecordTable
      variant="panel"
      caption={t("title")}
      testId="outbox"
      rows={rows}
      rowKey={(row) => row.id}
      rowTestId={() => "outbox-row"}
      rowClassName={() => "align-top"}
      columns={[
        {
          header: t("columns.time"),
          cell: (row) => <EventTime iso={row.createdAt.toISOString()} />,
          className: "text-slate-600",
        },
        { header: t("columns.channel"), cell: (row) => t(`channels.${row.channel}`) },
        {
          header: t("columns.recipient"),
          cell: (row) => row.recipientMasked,
          className: "font-mono text-xs text-slate-700",
        },
        { header: t("columns.template"), cell: (row) => template(row.template) },
        {
          header: t("columns.status"),
          cell: (row) => (
            <>
              <Badge tone={statusTone[row.status]}>{t(`statuses.${row.status}`)}</Badge>
              {row.lastError && (
                <p className="mt-1 text-xs text-slate-500">
                  {t("attempts", { count: row.attempts, error: row.lastError })}
                </p>
              )}
            </>
          ),
        },
        ...(withBodies ? [body] : []),
      ]}
    />
  );
}
