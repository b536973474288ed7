import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { personalFieldNames } from "@/lib/customers/fields";
import type { Rectification } from "@/lib/requests/fulfilment/rectification";
import { decideRectificationAction } from "../actions";
import { ActionButton } from "./action-button";
import { ProposalForm } from "./proposal-form";

const tones = { pending: "amber", approved: "green", rejected: "neutral" } as const;

/** The fields the requester asked to correct: current (masked), proposed, and a decision per field. */
export async function RectificationCard({ view, canAct }: { view: { requestId: string; erased: boolean; rectifications: Rectification[] }; canAct: boolean }) {
  const t = await getTranslations("fulfilment");
  const { requestId } = view;
  return (
    <div className="space-y-4">
      <Card title={t("rectification.title")}>
        {view.rectifications.length === 0 ? (
          <p className="text-sm text-slate-500">{t("rectification.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("rectification.title")}</caption>
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("rectification.field")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("rectification.current")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("rectification.proposed")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("rectification.decision")}</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("rectification.actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {view.rectifications.map((r) => (
                  <tr key={r.id} data-testid={`rectification-${r.field}`}>
                    <td className="py-2 pr-4 text-slate-900">{t(`fields.${r.field}`)}</td>
                    <td className="py-2 pr-4 font-mono text-slate-600">{r.currentMasked ?? "—"}</td>
                    <td className="py-2 pr-4 text-slate-900">{r.proposed ?? <span className="text-slate-400">{t("rectification.unreadable")}</span>}</td>
                    <td className="py-2 pr-4"><Badge tone={tones[r.decision]}>{t(`rectification.decisions.${r.decision}`)}</Badge></td>
                    <td className="py-2">
                      {canAct && r.decision === "pending" && (
                        <div className="flex gap-2">
                          <ActionButton action={decideRectificationAction} fields={{ requestId, rectificationId: r.id, decision: "approved" }} label={t("rectification.approve")} pendingLabel={t("saving")} variant="primary" />
                          <ActionButton action={decideRectificationAction} fields={{ requestId, rectificationId: r.id, decision: "rejected" }} label={t("rectification.reject")} pendingLabel={t("saving")} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
