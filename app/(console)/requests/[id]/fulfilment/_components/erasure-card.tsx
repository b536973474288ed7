import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EventTime } from "@/components/ui/event-time";
import { Notice } from "@/components/ui/notice";
import { asAppLocale } from "@/lib/core/i18n/locale";
import type { HoldStatus } from "@/lib/requests/fulfilment/erasure";
import type { FulfilmentView } from "@/lib/requests/fulfilment/view";
import { eraseCustomerAction, vendorTaskAction } from "../actions";
import { ActionButton } from "@/components/ui/action-button";

type ErasureView = Extract<FulfilmentView, { preview: unknown }>;
const taskTones = { open: "amber", confirmed: "green", not_applicable: "neutral" } as const;

async function Holds({ holds }: { holds: HoldStatus[] }) {
  const [t, locale] = await Promise.all([getTranslations("fulfilment"), getLocale()]);
  if (holds.length === 0) return <p className="text-sm text-slate-500">{t("erasure.noHolds")}</p>;
  return (
    <ul className="space-y-3" data-testid="retention-holds">
      {holds.map(({ hold, records, until }) => (
        <li
          key={hold.id}
          className="rounded-md bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200"
        >
          <p className="font-medium text-amber-900">
            {t(`erasure.holds.${hold.id}`, { records, until: until ?? "—" })}
          </p>
          <p className="mt-1 text-amber-800">{hold.basis[asAppLocale(locale)]}</p>
        </li>
      ))}
    </ul>
  );
}

/**
 * Erasure / account cancellation: before, what will happen and a confirmation; after, the holds
 * that keep records in pseudonymous form, the vendor tasks to settle and the requester's explanation.
 */
export async function ErasureCard({ view, canAct }: { view: ErasureView; canAct: boolean }) {
  const [t, category] = await Promise.all([
    getTranslations("fulfilment"),
    getTranslations("dataCategories"),
  ]);
  const { preview, tasks, requestId } = view;
  const categories = preview.categories.map((c) => category(c)).join(t("listSeparator"));

  if (!view.erased) {
    const steps = ["shred", "clear", "accounts", "keep", "vendors"] as const;
    return (
      <div className="space-y-4">
        <Card title={t("erasure.willHappen")}>
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
            {steps.map((s) => (
              <li key={s}>{t(`erasure.steps.${s}`, { vendors: preview.vendors.length })}</li>
            ))}
          </ol>
          <p className="mt-3 text-sm text-slate-600">
            {t("erasure.categories")}: {categories || t("none")}
          </p>
          {preview.vendors.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t("erasure.vendorsHeading")}>
              {preview.vendors.map((v) => (
                <li key={v.id}>
                  <Badge tone={v.archived ? "neutral" : "blue"}>{v.name}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("erasure.holdsHeading")}>
          <Holds holds={preview.holds} />
        </Card>
        {canAct && (
          <ConfirmForm
            action={eraseCustomerAction}
            fields={{ requestId }}
            labels={{
              trigger: t("erasure.erase"),
              title: t("erasure.confirmTitle"),
              confirm: t("erasure.confirm"),
              cancel: t("cancel"),
              pending: t("erasure.erasing"),
              body: t("erasure.confirmBody", {
                vendors: preview.vendors.length,
                holds: preview.holds.length,
              }),
            }}
          />
        )}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <Notice tone="success">{t("erasure.done")}</Notice>
      <Card title={t("erasure.holdsHeading")}>
        <Holds holds={preview.holds} />
      </Card>
      <Card title={t("erasure.vendorsHeading")}>
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-500">{t("erasure.noVendors")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="vendor-tasks">
            {tasks.map((task) => (
              <li
                key={task.id}
                className="flex flex-wrap items-center gap-3 py-2 text-sm"
                data-testid="vendor-task"
              >
                <span className="flex min-w-48 flex-1 flex-col">
                  <span className="font-medium text-slate-900">{task.vendorName}</span>
                  <span className="text-xs text-slate-500">
                    {task.dataCategories.map((c) => category(c)).join(t("listSeparator"))}
                  </span>
                </span>
                <Badge tone={taskTones[task.status]}>
                  {t(`erasure.taskStatus.${task.status}`)}
                </Badge>
                {task.confirmedAt && (
                  <span className="text-xs text-slate-500">
                    <EventTime iso={task.confirmedAt.toISOString()} />
                  </span>
                )}
                {canAct && task.status === "open" && (
                  <span className="flex gap-2">
                    <ActionButton
                      action={vendorTaskAction}
                      fields={{ requestId, taskId: task.id, status: "confirmed" }}
                      label={t("erasure.confirmTask")}
                      pendingLabel={t("saving")}
                      variant="primary"
                    />
                    <ActionButton
                      action={vendorTaskAction}
                      fields={{ requestId, taskId: task.id, status: "not_applicable" }}
                      label={t("erasure.notApplicable")}
                      pendingLabel={t("saving")}
                      variant="secondary"
                    />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("erasure.explanationHeading")}>
        <p className="mb-2 text-xs text-slate-500">{t("erasure.explanationHint")}</p>
        <blockquote className="whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
          {view.explanation}
        </blockquote>
      </Card>
    </div>
  );
}
