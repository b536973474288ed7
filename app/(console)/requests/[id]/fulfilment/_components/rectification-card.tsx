import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import { personalFieldNames } from "@/lib/customers/fields";
import type { Rectification } from "@/lib/requests/fulfilment/rectification";
import { decideRectificationAction } from "../actions";
import { ActionButton } from "@/components/ui/action-button";
import { ProposalForm } from "./proposal-form";

const tones = { pending: "amber", approved: "green", rejected: "neutral" } as const;

/** The fields the requester asked to correct: current (masked), proposed, and a decision per field. */
export async function RectificationCard({
  view,
  canAct,
}: {
  view: { requestId: string; erased: boolean; rectifications: Rectification[] };
  canAct: boolean;
}) {
  const t = await getTranslations("fulfilment");
  const { requestId } = view;
  return (
    <div className="space-y-4">
      <Card title={t("rectification.title")}>
        <RecordTable
          variant="inset"
          caption={t("rectification.title")}
          empty={{ title: t("rectification.none") }}
          rows={view.rectifications}
          rowKey={(r) => r.id}
          rowTestId={(r) => `rectification-${r.field}`}
          columns={[
            {
              header: t("rectification.field"),
              cell: (r) => t(`fields.${r.field}`),
              className: "text-slate-900",
            },
            {
              header: t("rectification.current"),
              cell: (r) => r.currentMasked ?? "—",
              className: "font-mono text-slate-600",
            },
            {
              header: t("rectification.proposed"),
              cell: (r) =>
                r.proposed ?? (
                  <span className="text-slate-400">{t("rectification.unreadable")}</span>
                ),
              className: "text-slate-900",
            },
            {
              header: t("rectification.decision"),
              cell: (r) => (
                <Badge tone={tones[r.decision]}>{t(`rectification.decisions.${r.decision}`)}</Badge>
              ),
            },
            {
              header: <span className="sr-only">{t("rectification.actions")}</span>,
              cell: (r) =>
                canAct &&
                r.decision === "pending" && (
                  <div className="flex gap-2">
                    <ActionButton
                      action={decideRectificationAction}
                      fields={{ requestId, rectificationId: r.id, decision: "approved" }}
                      label={t("rectification.approve")}
                      pendingLabel={t("saving")}
                      variant="primary"
                    />
                    <ActionButton
                      action={decideRectificationAction}
                      fields={{ requestId, rectificationId: r.id, decision: "rejected" }}
                      label={t("rectification.reject")}
                      pendingLabel={t("saving")}
                      variant="secondary"
                    />
                  </div>
                ),
            },
          ]}
        />
        <p className="mt-3 text-xs text-slate-500">{t("rectification.hint")}</p>
      </Card>
      {canAct && !view.erased && (
        <Card title={t("rectification.addHeading")}>
          <ProposalForm requestId={requestId} fields={personalFieldNames} />
        </Card>
      )}
    </div>
  );
}
