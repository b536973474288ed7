"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useDates } from "@/components/ui/use-dates";
import Link from "next/link";
import { useMemo } from "react";
import type { ServerTableFeatures } from "@/components/data-table/use-server-table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { VendorListRow } from "@/lib/vendors/list";
import { DpaBadge, ReviewBadge, RoleBadge, TierBadge } from "./vendor-badges";

const helper = createColumnHelper<ServerTableFeatures, VendorListRow>();

/** The vendor list's columns; their ids are the sort keys and filter targets the URL uses. */
export function useVendorColumns(canEdit: boolean) {
  const t = useTranslations("vendors");
  const common = useTranslations("common");
  const format = useDates();

  return useMemo(() => {
    const day = (date: string) => format.day(date);
    const base = helper.columns([
      helper.accessor("name", {
        id: "name",
        header: t("list.vendor"),
        cell: ({ row }) => (
          <div className="min-w-48">
            <Link
              href={`/vendors/${row.original.id}`}
              className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {row.original.name}
            </Link>
            {row.original.archived && (
              <span className="ml-2">
                <Badge>{t("list.archivedBadge")}</Badge>
              </span>
            )}
            <p className="text-xs text-slate-500">{row.original.service}</p>
          </div>
        ),
      }),
      helper.accessor("country", {
        id: "country",
        header: t("list.region"),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="whitespace-nowrap">
              {t(`options.regions.${row.original.country}`)}
            </span>
            {row.original.crossBorder && <Badge tone="blue">{t("list.crossBorderBadge")}</Badge>}
            {row.original.sensitiveData && <Badge tone="orange">{t("list.sensitiveBadge")}</Badge>}
          </div>
        ),
      }),
      helper.accessor("handlerRole", {
        id: "role",
        header: t("list.role"),
        enableSorting: false,
        cell: ({ row }) => <RoleBadge role={row.original.handlerRole} />,
      }),
      helper.accessor("riskScore", {
        id: "risk",
        header: t("list.risk"),
        sortDescFirst: true,
        cell: ({ row }) => (
          <TierBadge tier={row.original.riskTier} score={row.original.riskScore} />
        ),
      }),
      helper.accessor("dpaStatus", {
        id: "dpa",
        header: t("list.dpa"),
        enableSorting: false,
        cell: ({ row }) => (
          <DpaBadge status={row.original.dpaStatus} expiring={row.original.dpaExpiring} />
        ),
      }),
      helper.accessor("nextReviewOn", {
        id: "nextReview",
        header: t("list.nextReview"),
        cell: ({ row }) => (
          <div className="flex flex-wrap items-center gap-1.5 whitespace-nowrap">
            <span className="tabular-nums">{day(row.original.nextReviewOn)}</span>
            {row.original.reviewState !== "ok" && <ReviewBadge state={row.original.reviewState} />}
          </div>
        ),
      }),
      helper.accessor("updatedAt", {
        id: "updated",
        header: t("list.updated"),
        sortDescFirst: true,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-500 tabular-nums">
            {day(row.original.updatedAt)}
          </span>
        ),
      }),
    ]);
    const actions = helper.display({
      id: "actions",
      header: common("actions"),
      cell: ({ row }) => (
        <Link
          href={`/vendors/${row.original.id}/edit`}
          className={buttonClass("ghost", "sm")}
          aria-label={t("list.editRow", { name: row.original.name })}
        >
          {t("edit")}
        </Link>
      ),
    });
    // Only people who may edit get the actions column at all.
    return canEdit ? [...base, actions] : base;
  }, [t, common, format, canEdit]);
}
