import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EventTime } from "@/components/ui/event-time";
import type { customerReceipts } from "@/lib/portal/preferences";

type Receipt = Awaited<ReturnType<typeof customerReceipts>>[number];

/** The customer's own receipts, newest first. */
export async function ReceiptsTable({ receipts, locale }: { receipts: Receipt[]; locale: "zh-CN" | "en" }) {
  const t = await getTranslations("portal.preferences");
  if (receipts.length === 0) return <p className="rounded-lg bg-white px-4 py-6 text-center text-sm text-slate-500 ring-1 ring-slate-200">{t("receipts.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="receipts">
        <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("receipts.time")}</th>
            <th scope="col" className="px-3 py-2">{t("receipts.purpose")}</th>
            <th scope="col" className="px-3 py-2">{t("receipts.action")}</th>
            <th scope="col" className="px-3 py-2">{t("receipts.channel")}</th>
            <th scope="col" className="px-3 py-2">{t("receipts.receipt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {receipts.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2 text-slate-600"><EventTime iso={new Date(r.occurredAt).toISOString()} /></td>
              <td className="px-3 py-2 text-slate-900">{r.purposeName[locale]}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <span className="inline-flex items-center gap-1.5">
                  {t(`actions.${r.action}`)}
                  {r.gpc && <span title={t("receipts.gpcTitle")}><Badge tone="blue">{t("receipts.gpc")}</Badge></span>}
                </span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">{t(`channels.${r.channel}`)}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-500 break-all">{r.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
