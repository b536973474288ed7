import { getFormatter, getTranslations } from "next-intl/server";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";

/** The vendor's audit trail: who did what, when, and which fields an edit changed (names only). */
export async function VendorHistory({ events }: { events: AuditRow[] }) {
  const [t, audit, format] = await Promise.all([getTranslations("vendors"), getTranslations("audit"), getFormatter()]);
  if (events.length === 0) return <p className="text-sm text-slate-500">{t("detail.noHistory")}</p>;
  const who = (e: AuditRow) => (e.actorType === "system" ? t("detail.system") : (e.actorName ?? t("detail.unknownActor")));
  const fieldNames = (e: AuditRow) => {
    const fields = Array.isArray(e.details.fields) ? (e.details.fields as string[]) : null;
    if (!fields) return null;
    if (fields.length === 0) return t("detail.noChanges");
    return fields.map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}` as never) : f)).join("、");
  };
  return (
    <div className="-mx-4 -my-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="sr-only">{t("detail.historyCaption")}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="px-4 py-2 font-medium">{t("detail.when")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("detail.who")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("detail.what")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("detail.changes")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.seq}>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-600 tabular-nums">
                <time dateTime={e.occurredAt}>{format.dateTime(new Date(e.occurredAt), { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-800">{who(e)}</td>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-800">{actionLabel(audit, e.action)}</td>
              <td className="px-4 py-2.5 text-slate-600">{fieldNames(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
