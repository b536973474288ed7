import { getTranslations } from "next-intl/server";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable } from "@/components/ui/record-table";
import type { RotationRow } from "@/lib/keys/inventory";

/** Past rotations, newest first. */
export async function RotationHistory({ rows }: { rows: RotationRow[] }) {
  const t = await getTranslations("keys");
  return (
    <section aria-labelledby="keys-history" className="space-y-3">
      <h2 id="keys-history" className="text-base font-semibold text-slate-900">
        {t("history.heading")}
      </h2>
      <RecordTable
        variant="panel"
        labelledBy="keys-history"
        empty={{ title: t("history.empty") }}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t("history.toVersion"),
            cell: (r) => `v${r.toVersion}`,
            className: "font-mono",
          },
          { header: t("history.status"), cell: (r) => t(`rotationStatus.${r.status}`) },
          {
            header: t("history.progress"),
            cell: (r) => `${r.done.toLocaleString()} / ${r.total.toLocaleString()}`,
            className: "tabular-nums",
          },
          { header: t("history.startedBy"), cell: (r) => r.startedBy },
          {
            header: t("history.startedAt"),
            cell: (r) => <EventTime iso={new Date(r.startedAt).toISOString()} />,
          },
          {
            header: t("history.finishedAt"),
            cell: (r) => (r.finishedAt ? <EventTime iso={r.finishedAt.toISOString()} /> : "—"),
          },
        ]}
      />
    </section>
  );
}
