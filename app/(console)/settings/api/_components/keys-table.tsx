import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable, type RecordColumn } from "@/components/ui/record-table";
import type { ApiKeyRow } from "@/lib/api/keys";
import { revokeApiKeyAction } from "../actions";

/** The organisation's keys: the public prefix only, never the secret (which is not stored). */
export async function KeysTable({ rows, canManage }: { rows: ApiKeyRow[]; canManage: boolean }) {
  const [t, common] = await Promise.all([getTranslations("api"), getTranslations("common")]);
  const actions: RecordColumn<ApiKeyRow> = {
    id: "actions",
    header: <span className="sr-only">{t("list.actions")}</span>,
    // Left-aligned cell: the confirmation dialog inherits the cell's text alignment.
    cell: (key) =>
      !key.revokedAt && (
        <ConfirmForm
          action={revokeApiKeyAction}
          fields={{ id: key.id }}
          labels={{
            trigger: t("revoke.button"),
            title: t("revoke.title"),
            body: t("revoke.body", { name: key.name, prefix: key.prefix }),
            confirm: t("revoke.confirm"),
            cancel: common("cancel"),
            pending: t("revoke.pending"),
          }}
        />
      ),
  };
  return (
    <RecordTable
      variant="inset"
      flush
      caption={t("list.caption")}
      empty={{ title: t("list.empty") }}
      rows={rows}
      rowKey={(key) => key.id}
      rowTestId={(key) => `api-key-${key.prefix}`}
      rowClassName={(key) => (key.revokedAt ? "text-slate-400" : undefined)}
      columns={[
        {
          header: t("list.name"),
          cell: (key) => key.name,
          className: "font-medium text-slate-900",
        },
        {
          header: t("list.prefix"),
          cell: (key) => `pdk_${key.prefix}_…`,
          className: "whitespace-nowrap font-mono text-xs text-slate-700",
        },
        {
          header: t("list.scopes"),
          cell: (key) => (
            <div className="flex flex-wrap gap-1">
              {key.scopes.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </div>
          ),
        },
        {
          header: t("list.created"),
          cell: (key) => (
            <>
              <EventTime iso={key.createdAt.toISOString()} />
              <span className="block text-xs text-slate-500">
                {key.createdBy ?? t("list.unknownUser")}
              </span>
            </>
          ),
          className: "text-slate-600",
        },
        {
          header: t("list.lastUsed"),
          cell: (key) =>
            key.lastUsedAt ? <EventTime iso={key.lastUsedAt.toISOString()} /> : t("list.neverUsed"),
          className: "whitespace-nowrap text-slate-600",
          testId: "last-used",
        },
        {
          header: t("list.status"),
          cell: (key) =>
            key.revokedAt ? (
              <span className="space-y-0.5">
                <Badge tone="red">{t("list.revoked")}</Badge>
                <span className="block text-xs">
                  <EventTime iso={key.revokedAt.toISOString()} />
                </span>
              </span>
            ) : (
              <Badge tone="green">{t("list.active")}</Badge>
            ),
          className: "whitespace-nowrap",
        },
        ...(canManage ? [actions] : []),
      ]}
    />
  );
}
