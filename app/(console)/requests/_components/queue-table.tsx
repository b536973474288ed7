import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { DEFAULT_TIME_ZONE, datesFor } from "@/lib/core/i18n/format-date";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { RecordTable } from "@/components/ui/record-table";
import type { QueueRow } from "@/lib/requests/queue";
import { ProvisionalTag, SlaBadge, StatusBadge, unitOf } from "./request-badges";

/** The queue: rows link to the request page; customers appear only as their stored masks. */
export function QueueTable({
  rows,
  filtered,
  canCreate,
}: {
  rows: QueueRow[];
  filtered: boolean;
  canCreate: boolean;
}) {
  const t = useTranslations("requests");
  const dates = datesFor(useLocale(), useTimeZone() ?? DEFAULT_TIME_ZONE);
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState
        title={t("list.emptyFiltered")}
        body={t("list.emptyFilteredBody")}
        action={
          <Link href="/requests" className={buttonClass("secondary")}>
            {t("list.clear")}
          </Link>
        }
      />
    ) : (
      <EmptyState
        title={t("list.empty")}
        body={t("list.emptyBody")}
        action={
          canCreate && (
            <Link href="/requests/new" className={buttonClass()}>
              {t("new")}
            </Link>
          )
        }
      />
    );
  }
  return (
    <>
      {rows.some((row) => row.provisional) && (
        <Notice tone="warning" className="mb-4">
          <span data-testid="queue-provisional">{t("list.provisionalNotice")}</span>{" "}
          <Link href="/settings/calendar" className="font-medium underline">
            {t("list.provisionalLink")}
          </Link>
        </Notice>
      )}
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        rows={rows}
        rowKey={(row) => row.id}
        rowClassName={() => "hover:bg-slate-50"}
        columns={[
          {
            header: t("fields.reference"),
            cell: (row) => (
              <>
                <Link
                  href={`/requests/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {row.reference}
                </Link>
                {row.duplicate && (
                  <span className="ml-2 text-xs text-slate-500">{t("list.duplicate")}</span>
                )}
              </>
            ),
            className: "whitespace-nowrap",
          },
          {
            header: t("fields.type"),
            cell: (row) => t(`type.${row.type}`),
            className: "whitespace-nowrap",
          },
          {
            header: t("fields.customer"),
            cell: (row) =>
              row.customerId ? (
                <>
                  <span>{row.customerName ?? "—"}</span>
                  <span className="ml-1.5 text-xs text-slate-500">{row.customerRef}</span>
                </>
              ) : (
                <span className="text-slate-400">{t("list.noCustomer")}</span>
              ),
            className: "whitespace-nowrap",
          },
          // Every law whose clock runs, the governing one (due first, the SLA shown here) first.
          {
            header: t("fields.law"),
            cell: (row) => [row.law, ...row.laws.filter((law) => law !== row.law)].join(" · "),
            className: "whitespace-nowrap",
          },
          { header: t("fields.status"), cell: (row) => <StatusBadge status={row.status} /> },
          {
            header: t("fields.sla"),
            cell: (row) =>
              row.sla ? (
                <SlaBadge
                  state={row.sla}
                  remaining={row.remaining}
                  unit={unitOf(row.dueUnit)}
                  stacked
                />
              ) : (
                <span className="text-slate-400">—</span>
              ),
          },
          {
            header: t("fields.dueOn"),
            cell: (row) =>
              row.dueOn ? (
                <>
                  {dates.day(row.dueOn)}
                  {row.provisional && <ProvisionalTag />}
                </>
              ) : (
                "—"
              ),
            className: "whitespace-nowrap tabular-nums",
          },
          {
            header: t("fields.assignee"),
            cell: (row) =>
              row.assigneeName ?? <span className="text-slate-400">{t("list.unassigned")}</span>,
            className: "whitespace-nowrap",
          },
        ]}
      />
    </>
  );
}
