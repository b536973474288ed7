import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { fromPgText } from "@/lib/customers/timestamps";
import type { customerListings, customerOrders, customerVouchers } from "@/lib/vault/queries";
import { RecordTable } from "./record-table";

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

async function formatters() {
  const [t, format] = await Promise.all([getTranslations("customers"), getFormatter()]);
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "CNY" });
  const day = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeZone: "Asia/Shanghai" }) : "—");
  return { t, money, day };
}

const latestNote = (t: (key: string, values: Record<string, number>) => string, count: number, limit: number) =>
  count >= limit ? <p className="mt-3 text-xs text-slate-500">{t("detail.latest", { count: limit })}</p> : null;

export async function VouchersSection({ rows, limit }: { rows: Rows<typeof customerVouchers>; limit: number }) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.vouchers")}>
      <RecordTable
        caption={t("detail.vouchersCaption")}
        empty={t("detail.noVouchers")}
        headers={[t("detail.voucher"), t("detail.merchant"), t("detail.faceValue"), t("detail.pricePaid"), t("list.status"), t("detail.purchased"), t("detail.expires")]}
        rows={rows.map((v) => ({
          key: v.id,
          cells: [
            <span key="title" className="font-medium text-slate-900">{v.title}</span>, v.merchant,
            <span key="face" className="tabular-nums">{money(v.faceValueCents)}</span>, <span key="paid" className="tabular-nums">{money(v.pricePaidCents)}</span>,
            <Badge key="status">{t(`options.voucherStatus.${v.status}`)}</Badge>, day(v.purchasedAt), day(v.expiresAt),
          ],
        }))}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}

export async function OrdersSection({ rows, limit }: { rows: Rows<typeof customerOrders>; limit: number }) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.orders")}>
      <p className="mb-3 text-xs text-slate-500">{t("detail.ordersHint")}</p>
      <RecordTable
        caption={t("detail.ordersCaption")}
        empty={t("detail.noOrders")}
        headers={[t("detail.role"), t("detail.voucher"), t("detail.price"), t("detail.counterpart"), t("list.status"), t("detail.orderCreated")]}
        rows={rows.map((o) => ({
          key: o.id,
          cells: [
            <Badge key="role" tone={o.role === "buyer" ? "blue" : "amber"}>{t(`options.orderRole.${o.role}`)}</Badge>, o.title,
            <span key="price" className="tabular-nums">{money(o.priceCents)}</span>,
            <span key="who" className="font-mono text-xs">{o.counterpartStatus === "erased" ? t("options.status.erased") : (o.counterpartPhone ?? "—")}</span>,
            <Badge key="status">{t(`options.orderStatus.${o.status}`)}</Badge>, day(fromPgText(o.createdAt)),
          ],
        }))}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}

export async function ListingsSection({ rows, limit }: { rows: Rows<typeof customerListings>; limit: number }) {
  const { t, money, day } = await formatters();
  return (
    <Card title={t("detail.listings")}>
      <RecordTable
        caption={t("detail.listingsCaption")}
        empty={t("detail.noListings")}
        headers={[t("detail.voucher"), t("detail.askingPrice"), t("list.status"), t("detail.listed")]}
        rows={rows.map((l) => ({
          key: l.id,
          cells: [l.title, <span key="price" className="tabular-nums">{money(l.askingPriceCents)}</span>, <Badge key="status">{t(`options.listingStatus.${l.status}`)}</Badge>, day(l.createdAt)],
        }))}
      />
      {latestNote(t, rows.length, limit)}
    </Card>
  );
}
