import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import type { requestsOfCustomer } from "@/lib/requests/queries";
import { StatusBadge } from "@/app/(console)/requests/_components/request-badges";

/** The customer's data-subject requests, newest first, each linking to its page. */
export async function RequestsSection({
  rows,
}: {
  rows: Awaited<ReturnType<typeof requestsOfCustomer>>;
}) {
  const [t, r, format] = await Promise.all([
    getTranslations("customers"),
    getTranslations("requests"),
    getDates(),
  ]);
  const day = (iso: string) => format.day(iso);
  return (
    <Card title={t("detail.requests")}>
      <RecordTable
        variant="inset"
        caption={t("detail.requestsCaption")}
        empty={{ title: t("detail.noRequests") }}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          {
            header: r("fields.reference"),
            cell: (row) => (
              <Link
                href={`/requests/${row.id}`}
                className="font-mono text-brand-700 hover:underline"
              >
                {row.reference}
              </Link>
            ),
          },
          { header: r("fields.type"), cell: (row) => r(`type.${row.type}`) },
          { header: r("fields.status"), cell: (row) => <StatusBadge status={row.status} /> },
          { header: r("fields.receivedOn"), cell: (row) => day(row.receivedOn) },
        ]}
      />
    </Card>
  );
}
