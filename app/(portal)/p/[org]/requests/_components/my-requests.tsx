import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { RecordTable } from "@/components/ui/record-table";
import type { RequesterRequest } from "@/lib/requests/requester/relink";
import { RenewLink } from "./renew-link";

/** The verified requester's own requests, each with a new tracking link for one whose link was lost. */
export async function MyRequests({ org, rows }: { org: string; rows: RequesterRequest[] }) {
  const [t, format] = await Promise.all([getTranslations("portalRequests"), getDates()]);
  if (rows.length === 0) return null;
  return (
    <section
      aria-labelledby="mine"
      className="space-y-3 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200"
    >
      <h2 id="mine" className="text-base font-semibold text-slate-900">
        {t("mine.heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("mine.intro")}</p>
      <RecordTable
        variant="inset"
        labelledBy="mine"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t("track.reference"),
            cell: (r) => <span className="font-mono whitespace-nowrap">{r.reference}</span>,
          },
          { header: t("track.type"), cell: (r) => t(`types.${r.type}.label`) },
          { header: t("track.status"), cell: (r) => t(`track.statuses.${r.status}`) },
          {
            header: t("track.receivedOn"),
            cell: (r) => format.day(r.receivedOn),
          },
          {
            header: t("mine.link"),
            cell: (r) => <RenewLink org={org} requestId={r.id} reference={r.reference} />,
          },
        ]}
      />
    </section>
  );
}
