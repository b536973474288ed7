"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useDates } from "@/components/ui/use-dates";
import Link from "next/link";
import { useMemo } from "react";
import type { ServerTableFeatures } from "@/components/data-table/use-server-table";
import { Badge } from "@/components/ui/badge";
import type { CustomerSummary } from "@/lib/customers/queries";
import { regionName } from "@/lib/customers/regions";
import { fromPgText } from "@/lib/customers/timestamps";
import { LawBadges, StatusBadge } from "./customer-badges";

const helper = createColumnHelper<ServerTableFeatures, CustomerSummary>();

const Masked = ({ value, none }: { value: string | null; none: string }) =>
  value ? (
    <span className="font-mono text-xs whitespace-nowrap text-slate-800">{value}</span>
  ) : (
    <span className="text-slate-400">{none}</span>
  );

/**
 * The customer list's columns: stored masks only. The ids of region, laws and status are the
 * column filters the URL holds; the list has one order (newest first), so nothing sorts.
 */
export function useCustomerColumns() {
  const t = useTranslations("customers");
  const format = useDates();
  const locale = useLocale();

  return useMemo(() => {
    const day = (date: Date) => format.instant(date, "date");
    const none = t("list.never");
    return helper.columns([
      helper.accessor("nameMasked", {
        id: "customer",
        header: t("list.customer"),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="min-w-32">
            <Link
              href={`/customers/${row.original.id}`}
              className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {row.original.nameMasked ?? t("unnamed")}
            </Link>
            {row.original.realNameVerified && (
              <span className="ml-2">
                <Badge tone="green">{t("list.realNameBadge")}</Badge>
              </span>
            )}
            <p className="font-mono text-xs text-slate-500">
              {row.original.status === "erased" ? "—" : row.original.externalRef}
            </p>
          </div>
        ),
      }),
      helper.accessor("phoneMasked", {
        id: "contact",
        header: t("list.contact"),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="space-y-0.5">
            <div>
              <Masked value={row.original.phoneMasked} none={none} />
            </div>
            {row.original.emailMasked && (
              <div>
                <Masked value={row.original.emailMasked} none={none} />
              </div>
            )}
          </div>
        ),
      }),
      helper.accessor("nationalIdMasked", {
        id: "nationalId",
        header: t("list.nationalId"),
        enableSorting: false,
        cell: ({ row }) => <Masked value={row.original.nationalIdMasked} none={none} />,
      }),
      helper.accessor("region", {
        id: "region",
        header: t("list.region"),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {row.original.region ? regionName(row.original.region, locale) : none}
          </span>
        ),
      }),
      helper.accessor("laws", {
        id: "laws",
        header: t("list.laws"),
        enableSorting: false,
        cell: ({ row }) => <LawBadges laws={row.original.laws} none={none} />,
      }),
      helper.accessor("status", {
        id: "status",
        header: t("list.status"),
        enableSorting: false,
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      }),
      helper.accessor("createdAt", {
        id: "created",
        header: t("list.created"),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-500 tabular-nums">
            {day(fromPgText(row.original.createdAt))}
          </span>
        ),
      }),
      helper.accessor("lastActiveAt", {
        id: "lastActive",
        header: t("list.lastActive"),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-500 tabular-nums">
            {row.original.lastActiveAt ? day(new Date(row.original.lastActiveAt)) : none}
          </span>
        ),
      }),
    ]);
  }, [t, format, locale]);
}
