import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { ActionButton } from "@/components/ui/action-button";

/**
 * Publishing an approved version. One whose effective date is still ahead is never shown as in
 * force early: the person either leaves it to be published on that date, or publishes it now
 * after confirming that its effective date becomes today.
 */
export function PublishControls({
  action,
  id,
  effectiveOn,
  today,
  scheduled,
}: {
  action: ServerAction;
  id: string;
  effectiveOn: string;
  today: string;
  scheduled: boolean;
}) {
  const t = useTranslations("policies.workflow");
  if (effectiveOn <= today) {
    return (
      <ActionButton
        action={action}
        fields={{ id }}
        label={t("publish")}
        pendingLabel={t("publishing")}
      />
    );
  }
  return (
    <div className="space-y-3" data-testid="publish-future">
      <p className="text-sm text-slate-600">{t("futureEffective", { date: effectiveOn })}</p>
      <div className="flex flex-wrap items-start gap-3">
        {!scheduled && (
          <ActionButton
            action={action}
            fields={{ id, timing: "on_effective_date" }}
            label={t("publishOnDate", { date: effectiveOn })}
            pendingLabel={t("publishing")}
          />
        )}
        <ConfirmForm
          action={action}
          fields={{ id, timing: "effective_today" }}
          variant="secondary"
          labels={{
            trigger: t("publishToday"),
            title: t("publishTodayTitle"),
            body: t("publishTodayBody", { date: effectiveOn, today }),
            confirm: t("publishTodayConfirm"),
            cancel: t("cancel"),
            pending: t("publishing"),
          }}
        />
      </div>
    </div>
  );
}
