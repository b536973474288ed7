import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { requestsOfCustomer } from "@/lib/requests/queries";
import { StatusBadge } from "@/app/(console)/requests/_components/request-badges";
import { RecordTable } from "./record-table";

/** The customer's data-subject requests, newest first, each linking to its page. */
export async function RequestsSection({ rows }: { rows: Awaited<ReturnType<typeof requestsOfCustomer>> }) {
  const [t, r, format] = await Promise.all([getTranslations("customers"), getTranslations("requests"), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00+08:00`), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <Card title={t("detail.requests")}>
      <RecordTable
        caption={t("detail.requestsCaption")}
        empty={t("detail.noRequests")}
        headers={[r("fields.reference"), r("fields.type"), r("fields.status"), r("fields.receivedOn")]}
        rows={rows.map((row) => ({
          key: row.id,
          cells: [
            <Link key="ref" href={`/requests/${row.id}`} className="font-mono text-brand-700 hover:underline">{row.reference}</Link>,
            r(`type.${row.type}`), <StatusBadge key="status" status={row.status} />, day(row.receivedOn),
          ],
        }))}
      />
    </Card>
  );
}
