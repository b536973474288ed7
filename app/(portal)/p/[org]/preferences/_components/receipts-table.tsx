import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable } from "@/components/ui/record-table";
import type { customerReceipts } from "@/lib/portal/preferences";

type Receipt = Awaited<ReturnType<typeof customerReceipts>>[number];

/** The customer's own receipts, newest first. */
export async function ReceiptsTable({
  receipts,
  locale,
  timeZone,
}: {
  receipts: Receipt[];
  locale: "zh-CN" | "en";
  /** The organisation's zone (the portal has no signed-in organisation). */
  timeZone: string;
}) {
  const t = await getTranslations("portal.preferences");
  const tGuardian = await getTranslations("portal.guardian");
  if (receipts.length === 0)
    return (
      <p className="rounded-lg bg-white px-4 py-6 text-center text-sm text-slate-500 ring-1 ring-slate-200">
        {t("receipts.empty")}
      </p>
    );
  return (
    <RecordTable
      variant="panel"
      labelledBy="receipts"
      testId="receipts"
      rows={receipts}
      rowKey={(r) => r.id}
      rowClassName={() => "align-top"}
      columns={[
        {
          header: t("receipts.time"),
          cell: (r) => <EventTime iso={new Date(r.occurredAt)} timeZone={timeZone} />,
          className: "text-slate-600",
        },
        {
          header: t("receipts.purpose"),
          cell: (r) => r.purposeName[locale],
          className: "text-slate-900",
        },
        {
          header: t("receipts.action"),
          cell: (r) => (
            <span className="inline-flex items-center gap-1.5">
              {t(`actions.${r.action}`)}
              {r.gpc && (
                <span title={t("receipts.gpcTitle")}>
                  <Badge tone="blue">{t("receipts.gpc")}</Badge>
                </span>
              )}
              {r.byGuardian && (
                <span title={tGuardian("receiptTitle")}>
                  <Badge tone="green">{tGuardian("receipt")}</Badge>
                </span>
              )}
            </span>
          ),
          className: "whitespace-nowrap",
        },
        {
          header: t("receipts.channel"),
          cell: (r) => t(`channels.${r.channel}`),
          className: "whitespace-nowrap text-slate-600",
        },
        {
          header: t("receipts.receipt"),
          cell: (r) => r.id,
          className: "font-mono text-xs text-slate-500 break-all",
        },
      ]}
    />
  );
}
