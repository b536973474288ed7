import { getFormatter, getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import { fromPgText } from "@/lib/customers/timestamps";
import type { customerListings, customerOrders, customerVouchers } from "@/lib/vault/queries";

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

async function formatters() {
  const [t, format, dates] = await Promise.all([
    getTranslations("customers"),
    getFormatter(),
    getDates(),
  ]);
  const money = (cents: number) =>
    format.number(cents / 100, { style: "currency", currency: "CNY" });
  const day = (date: Date | null) => (date ? dates.instant(date, "date") : "—");
  return { t, money, day };
}

const latestNote = (
  t: (key: string, values: Record<string, number>) => string,
  count: number,
  limit: number,
) =>
  count >= limit ? (
    <p className="mt-3 text-xs text-slate-500">{t("detail.latest", { count: limit })}</p>
  ) : null;

export async function VouchersSection({
  rows,
  limit,
}: {
  rows: Rows<typeof customerVouchers>;
  limit: number;
}) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.vouchers")}>
      <RecordTable
        variant="inset"
        caption={t("detail.vouchersCaption")}
        empty={{ title: t("detail.noVouchers") }}
        rows={rows}
        rowKey={(v) => v.id}
        columns={[
          {
            header: t("detail.voucher"),
            cell: (v) => v.title,
            className: "font-medium text-slate-900",
          },
          { header: t("detail.merchant"), cell: (v) => v.merchant },
          {
            header: t("detail.faceValue"),
            cell: (v) => money(v.faceValueCents),
            className: "tabular-nums",
          },
          {
            header: t("detail.pricePaid"),
            cell: (v) => money(v.pricePaidCents),
            className: "tabular-nums",
          },
          {
            header: t("list.status"),
            cell: (v) => <Badge>{t(`options.voucherStatus.${v.status}`)}</Badge>,
          },
          { header: t("detail.purchased"), cell: (v) => day(v.purchasedAt) },
          { header: t("detail.expires"), cell: (v) => day(v.expiresAt) },
        ]}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}

export async function OrdersSection({
  rows,
  limit,
}: {
  rows: Rows<typeof customerOrders>;
  limit: number;
}) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.orders")}>
      <p className="mb-3 text-xs text-slate-500">{t("detail.ordersHint")}</p>
      <RecordTable
        variant="inset"
        caption={t("detail.ordersCaption")}
        empty={{ title: t("detail.noOrders") }}
        rows={rows}
        rowKey={(o) => o.id}
        columns={[
          {
            header: t("detail.role"),
            cell: (o) => (
              <Badge tone={o.role === "buyer" ? "blue" : "amber"}>
                {t(`options.orderRole.${o.role}`)}
              </Badge>
            ),
          },
          { header: t("detail.voucher"), cell: (o) => o.title },
          {
            header: t("detail.price"),
            cell: (o) => money(o.priceCents),
            className: "tabular-nums",
          },
          {
            header: t("detail.counterpart"),
            cell: (o) =>
              o.counterpartStatus === "erased"
                ? t("options.status.erased")
                : (o.counterpartPhone ?? "—"),
            className: "font-mono text-xs",
          },
          {
            header: t("list.status"),
            cell: (o) => <Badge>{t(`options.orderStatus.${o.status}`)}</Badge>,
          },
          { header: t("detail.orderCreated"), cell: (o) => day(fromPgText(o.createdAt)) },
        ]}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}

export async function ListingsSection({
  rows,
  limit,
}: {
  rows: Rows<typeof customerListings>;
  limit: number;
}) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.listings")}>
      <RecordTable
        variant="inset"
        caption={t("detail.listingsCaption")}
        empty={{ title: t("detail.noListings") }}
        rows={rows}
        rowKey={(l) => l.id}
        columns={[
          { header: t("detail.voucher"), cell: (l) => l.title },
          {
            header: t("detail.askingPrice"),
            cell: (l) => money(l.askingPriceCents),
            className: "tabular-nums",
          },
          {
            header: t("list.status"),
            cell: (l) => <Badge>{t(`options.listingStatus.${l.status}`)}</Badge>,
          },
          { header: t("detail.listed"), cell: (l) => day(l.createdAt) },
        ]}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}
