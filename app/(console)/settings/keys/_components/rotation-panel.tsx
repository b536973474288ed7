import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EventTime } from "@/components/ui/event-time";
import type { RotationRow } from "@/lib/keys/inventory";
import { rotateOrgKeyAction } from "../actions";
import { LiveRotationProgress } from "./live-rotation-progress";
import { RotationProgress } from "./rotation-progress";

/**
 * The latest rotation's progress, and the button that starts a new one: refused while a rotation
 * runs, offered again when the running one stalled (no worker has run it for a lease's length).
 */
export async function RotationPanel({
  latest,
  stalled,
  canRotate,
}: {
  latest?: RotationRow;
  stalled: boolean;
  canRotate: boolean;
}) {
  const [t, common] = await Promise.all([getTranslations("keys"), getTranslations("common")]);
  const running = latest?.status === "running";
  const label = latest ? t("rotation.progressLabel", { version: latest.toVersion }) : "";
  return (
    <Card title={t("rotation.title")}>
      <div className="space-y-4">
        <p className="max-w-3xl text-sm text-slate-600">{t("rotation.intro")}</p>
        {latest ? (
          <div className="space-y-2">
            {running ? (
              // Keyed by what the server rendered, so a fresh render starts from its numbers.
              <LiveRotationProgress
                key={`${latest.id}:${latest.done}`}
                initial={latest}
                label={label}
                statusLabels={{
                  running: t("rotationStatus.running"),
                  completed: t("rotationStatus.completed"),
                  failed: t("rotationStatus.failed"),
                }}
              />
            ) : (
              <RotationProgress
                done={latest.done}
                total={latest.total}
                status={latest.status}
                label={label}
                statusLabel={t(`rotationStatus.${latest.status}`)}
              />
            )}
            <p className="text-xs text-slate-500">
              {t("rotation.startedBy", { name: latest.startedBy })} ·{" "}
              <EventTime iso={new Date(latest.startedAt).toISOString()} />
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("rotation.none")}</p>
        )}
        {canRotate && (
          <div className="border-t border-slate-100 pt-4">
            {running && (
              <p className="mb-2 text-sm text-amber-800">
                {t(stalled ? "rotation.stalled" : "rotation.alreadyRunning")}
              </p>
            )}
            <ConfirmForm
              action={rotateOrgKeyAction}
              fields={{}}
              variant="primary"
              disabled={running && !stalled}
              labels={{
                trigger: t("rotation.rotate"),
                title: t("rotation.confirmTitle"),
                body: t("rotation.confirmBody"),
                confirm: t("rotation.confirm"),
                cancel: common("cancel"),
                pending: t("rotation.starting"),
              }}
            />
          </div>
        )}
      </div>
    </Card>
  );
}
