import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EventTime } from "@/components/ui/event-time";
import type { ApiKeyRow } from "@/lib/api/keys";
import { revokeApiKeyAction } from "../actions";

/** The organisation's keys: the public prefix only, never the secret (which is not stored). */
export async function KeysTable({ rows, canManage }: { rows: ApiKeyRow[]; canManage: boolean }) {
  const [t, common] = await Promise.all([getTranslations("api"), getTranslations("common")]);
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("list.empty")}</p>;
  return (
    <div className="-mx-4 -my-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="px-4 py-2 font-medium">{t("list.name")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("list.prefix")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("list.scopes")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("list.created")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("list.lastUsed")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("list.status")}</th>
            {canManage && <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">{t("list.actions")}</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((key) => (
            <tr key={key.id} data-testid={`api-key-${key.prefix}`} className={key.revokedAt ? "text-slate-400" : undefined}>
              <td className="px-4 py-2.5 font-medium text-slate-900">{key.name}</td>
              <td className="px-4 py-2.5 whitespace-nowrap font-mono text-xs text-slate-700">pdk_{key.prefix}_…</td>
              <td className="px-4 py-2.5">
                <div className="flex flex-wrap gap-1">{key.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</div>
              </td>
              <td className="px-4 py-2.5 text-slate-600">
                <EventTime iso={key.createdAt.toISOString()} />
                <span className="block text-xs text-slate-500">{key.createdBy ?? t("list.unknownUser")}</span>
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-600" data-testid="last-used">
                {key.lastUsedAt ? <EventTime iso={key.lastUsedAt.toISOString()} /> : t("list.neverUsed")}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                {key.revokedAt ? (
                  <span className="space-y-0.5">
                    <Badge tone="red">{t("list.revoked")}</Badge>
                    <span className="block text-xs"><EventTime iso={key.revokedAt.toISOString()} /></span>
                  </span>
                ) : <Badge tone="green">{t("list.active")}</Badge>}
              </td>
              {canManage && (
                <td className="px-4 py-2.5">
                  {/* Left-aligned cell: the confirmation dialog inherits the cell's text alignment. */}
                  {!key.revokedAt && (
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
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
