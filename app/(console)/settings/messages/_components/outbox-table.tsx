import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EventTime } from "@/components/ui/event-time";
import type { OutboxRow } from "@/lib/outbox/queries";

const statusTone: Record<OutboxRow["status"], BadgeTone> = { pending: "blue", sent: "green", failed: "red", held: "amber" };

export async function OutboxTable({ rows, withBodies }: { rows: OutboxRow[]; withBodies: boolean }) {
  const t = await getTranslations("portal.outbox");
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="outbox">
        <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("columns.time")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.channel")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.recipient")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.template")}</th>
            <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
            {withBodies && <th scope="col" className="px-3 py-2">{t("columns.body")}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid="outbox-row">
              <td className="px-3 py-2 text-slate-600"><EventTime iso={row.createdAt.toISOString()} /></td>
              <td className="px-3 py-2">{t(`channels.${row.channel}`)}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-700">{row.recipientMasked}</td>
              <td className="px-3 py-2">{t.has(`templates.${row.template.replaceAll(".", "_")}`) ? t(`templates.${row.template.replaceAll(".", "_")}` as never) : row.template}</td>
              <td className="px-3 py-2">
                <Badge tone={statusTone[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                {row.lastError && <p className="mt-1 text-xs text-slate-500">{t("attempts", { count: row.attempts, error: row.lastError })}</p>}
              </td>
              {withBodies && (
                <td className="max-w-md px-3 py-2 text-slate-800" data-testid="outbox-body">
                  {row.body ?? <span className="text-slate-400">{t("unreadable")}</span>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
