"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import type { ServerTableFeatures } from "@/components/data-table/use-server-table";
import type { MemberRow } from "@/lib/users/queries";
import { MfaBadge, StatusBadge } from "./member-badges";

const helper = createColumnHelper<ServerTableFeatures, MemberRow>();

/** The member list's columns; their ids are the sort keys and filter targets in the URL. */
export function useMemberColumns(selfId: string) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  return useMemo(
    () =>
      helper.columns([
        helper.accessor("name", {
          id: "name",
          header: t("columns.name"),
          cell: ({ row }) => (
            <span className="whitespace-nowrap">
              <Link
                href={`/users/${row.original.userId}`}
                className="font-medium text-brand-700 hover:underline focus-visible:underline"
              >
                {row.original.name}
              </Link>
              {row.original.userId === selfId && (
                <span className="ml-1.5 text-xs text-slate-500">{t("you")}</span>
              )}
            </span>
          ),
        }),
        helper.accessor("email", {
          id: "email",
          header: t("columns.email"),
          cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
        }),
        helper.accessor("role", {
          id: "role",
          header: t("columns.role"),
          enableSorting: false,
          cell: ({ getValue }) => (
            <span className="whitespace-nowrap">{common(`roles.${getValue()}`)}</span>
          ),
        }),
        helper.accessor("departmentName", {
          id: "department",
          header: t("columns.department"),
          enableSorting: false,
          cell: ({ getValue }) => (
            <span className="whitespace-nowrap">
              {getValue() ?? <span className="text-slate-400">{t("noDepartment")}</span>}
            </span>
          ),
        }),
        helper.accessor("mfa", {
          id: "mfa",
          header: t("columns.mfa"),
          enableSorting: false,
          cell: ({ getValue }) => <MfaBadge status={getValue()} />,
        }),
        helper.accessor("deactivated", {
          id: "status",
          header: t("columns.status"),
          enableSorting: false,
          cell: ({ getValue }) => <StatusBadge deactivated={getValue()} />,
        }),
      ]),
    [t, common, selfId],
  );
}
