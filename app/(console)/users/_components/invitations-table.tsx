import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable, type RecordColumn } from "@/components/ui/record-table";
import type { OpenInvitation } from "@/lib/invitations/queries";
import { resendInvitationAction, revokeInvitationAction } from "../actions";

/**
 * Invitations nobody has accepted yet. They are not members: no account is named, and the person
 * appears in the member list only once they accept.
 */
export async function InvitationsTable({
  rows,
  canManage,
}: {
  rows: OpenInvitation[];
  canManage: boolean;
}) {
  const [t, common] = await Promise.all([
    getTranslations("users.invitations"),
    getTranslations("common"),
  ]);
  const actions: RecordColumn<OpenInvitation> = {
    id: "actions",
    header: <span className="sr-only">{t("actions")}</span>,
    cell: (row) => (
      <div className="flex flex-wrap gap-2">
        <ConfirmForm
          action={resendInvitationAction}
          fields={{ invitationId: row.id }}
          variant="secondary"
          labels={{
            trigger: t("resend"),
            title: t("resendTitle", { email: row.email }),
            body: t("resendBody"),
            confirm: t("resend"),
            cancel: common("cancel"),
            pending: t("working"),
          }}
        />
        <ConfirmForm
          action={revokeInvitationAction}
          fields={{ invitationId: row.id }}
          labels={{
            trigger: t("revoke"),
            title: t("revokeTitle", { email: row.email }),
            body: t("revokeBody"),
            confirm: t("revoke"),
            cancel: common("cancel"),
            pending: t("working"),
          }}
        />
      </div>
    ),
  };
  return (
    <Card title={<span id="invitations-title">{t("title")}</span>}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      <RecordTable
        variant="inset"
        labelledBy="invitations-title"
        testId="invitations"
        rows={rows}
        rowKey={(row) => row.id}
        rowTestId={() => "invitation-row"}
        columns={[
          {
            header: t("email"),
            cell: (row) => row.email,
            className: "font-medium text-slate-900",
            rowHeader: true,
          },
          { header: t("name"), cell: (row) => row.name },
          { header: t("role"), cell: (row) => common(`roles.${row.role}`) },
          {
            header: t("department"),
            cell: (row) => row.departmentName ?? "—",
            className: "text-slate-600",
          },
          {
            header: t("status"),
            cell: (row) => (
              <span className="space-y-0.5">
                <Badge tone={row.status === "pending" ? "blue" : "amber"}>
                  {t(`statuses.${row.status}`)}
                </Badge>
                <span className="block text-xs text-slate-500">
                  {t(row.status === "pending" ? "validUntil" : "expiredOn")}{" "}
                  <EventTime iso={row.expiresAt.toISOString()} />
                </span>
              </span>
            ),
            className: "whitespace-nowrap",
          },
          ...(canManage ? [actions] : []),
        ]}
      />
    </Card>
  );
}
