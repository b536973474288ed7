import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EventTime } from "@/components/ui/event-time";
import type { ReceiptRow } from "@/lib/consent/explorer";
import { localized } from "@/lib/core/i18n/localized-text";
import { ActionBadge, GpcBadge } from "../../_components/consent-badges";
import { shortId } from "@/lib/core/short-id";

const head =
  "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap";
const cell = "px-3 py-2 align-top";

/** One page of receipts: masked customer fields only (stored masks, never decrypted). */
export async function ReceiptsTable({ rows }: { rows: ReceiptRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("consent"), getLocale()]);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("explorer.caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            {(
              [
                "recordedAt",
                "receiptId",
                "customer",
                "purpose",
                "action",
                "channel",
                "source",
                "gpc",
                "policyVersion",
              ] as const
            ).map((c) => (
              <th key={c} scope="col" className={head}>
                {t(`fields.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className={`${cell} text-slate-700`}>
                <EventTime iso={new Date(row.recordedAt).toISOString()} />
                {row.occurredAt !== row.recordedAt && (
                  <span className="block text-xs text-slate-500">
                    {t("explorer.occurred")}{" "}
                    <EventTime iso={new Date(row.occurredAt).toISOString()} />
                  </span>
                )}
              </td>
              <td className={cell}>
                <Link
                  href={`/consent/receipts/${row.id}`}
                  className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline"
                  aria-label={t("explorer.openReceipt", { id: shortId(row.id) })}
                >
                  {shortId(row.id)}
                </Link>
              </td>
              <td className={cell}>
                {row.customerStatus === "erased" ? (
                  <span className="text-slate-500">{t("explorer.erased")}</span>
                ) : (
                  <Link
                    href={`/customers/${row.customerId}`}
                    className="text-slate-900 underline-offset-2 hover:underline"
                  >
                    {row.customerNameMasked ?? t("explorer.unnamed")}
                    {row.customerPhoneMasked && (
                      <span className="block font-mono text-xs text-slate-500">
                        {row.customerPhoneMasked}
                      </span>
                    )}
                  </Link>
                )}
              </td>
              <td className={cell}>
                <span className="block text-slate-900">{localized(row.purposeName, locale)}</span>
                <span className="font-mono text-xs text-slate-500">{row.purposeCode}</span>
              </td>
              <td className={cell}>
                <ActionBadge action={row.action} />
              </td>
              <td className={`${cell} whitespace-nowrap text-slate-700`}>
                {t(`channels.${row.channel}`)}
              </td>
              <td className={`${cell} whitespace-nowrap text-slate-700`}>
                {t(`sources.${row.source}`)}
              </td>
              <td className={cell}>
                {row.gpc ? <GpcBadge /> : <span className="text-slate-400">—</span>}
              </td>
              <td className={`${cell} whitespace-nowrap text-slate-700`}>
                {row.policyVersion !== null
                  ? t("fields.policyVersionShort", { version: row.policyVersion })
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
