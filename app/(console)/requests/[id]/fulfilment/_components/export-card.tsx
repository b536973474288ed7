import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import { RefreshEvery } from "@/components/ui/refresh-every";
import type { ExportStatus } from "@/db/schema/requests";
import type { ExportSummary } from "@/lib/requests/fulfilment/exports";
import { datasetNames } from "@/lib/requests/fulfilment/package/collect";
import { buildPackageAction } from "../actions";
import { ActionButton } from "@/components/ui/action-button";

const tones: Record<ExportStatus, BadgeTone> = {
  building: "amber",
  ready: "green",
  failed: "red",
  expired: "neutral",
};
const countOrder = ["profile", ...datasetNames];

interface Props {
  view: { requestId: string; erased: boolean; export: ExportSummary | null };
  canAct: boolean;
  canDownload: boolean;
}

/** The access / portability package: build it, watch it build, see what it holds, download it. */
export async function ExportCard({ view, canAct, canDownload }: Props) {
  const [t, format] = await Promise.all([getTranslations("fulfilment"), getFormatter()]);
  const pkg = view.export;
  const expired =
    pkg?.status === "expired" || (pkg?.expiresAt != null && pkg.expiresAt <= new Date());
  const status: ExportStatus | undefined = pkg ? (expired ? "expired" : pkg.status) : undefined;
  const canBuild = canAct && !view.erased && status !== "building";
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{value}</dd>
    </div>
  );
  return (
    <Card
      title={t("export.title")}
      action={
        status && (
          <span data-testid="export-status">
            <Badge tone={tones[status]}>{t(`export.status.${status}`)}</Badge>
          </span>
        )
      }
    >
      {status === "building" && <RefreshEvery ms={2000} />}
      {!pkg ? (
        <p className="text-sm text-slate-500">{t("export.none")}</p>
      ) : (
        <dl className="divide-y divide-slate-100">
          {row(t("export.startedAt"), <EventTime iso={pkg.startedAt.toISOString()} />)}
          {pkg.readyAt && row(t("export.readyAt"), <EventTime iso={pkg.readyAt.toISOString()} />)}
          {pkg.expiresAt &&
            row(t("export.expiresAt"), <EventTime iso={pkg.expiresAt.toISOString()} />)}
          {pkg.sizeBytes !== null &&
            row(t("export.size"), `${format.number(Math.ceil(pkg.sizeBytes / 1024))} KB`)}
          {pkg.sha256 &&
            row(
              t("export.sha256"),
              <code className="font-mono text-xs" title={pkg.sha256}>
                {pkg.sha256.slice(0, 16)}…
              </code>,
            )}
          {row(t("export.downloads"), format.number(pkg.downloads))}
          {Object.keys(pkg.counts).length > 0 &&
            row(
              t("export.counts"),
              <ul className="space-y-0.5" data-testid="export-counts">
                {countOrder
                  .filter((name) => name in pkg.counts)
                  .map((name) => [name, pkg.counts[name]] as const)
                  .map(([name, n]) => (
                    <li key={name}>
                      {t(`datasets.${name}`)}:{" "}
                      <span className="tabular-nums">{format.number(n)}</span>
                    </li>
                  ))}
              </ul>,
            )}
        </dl>
      )}
      {view.erased && <p className="mt-3 text-sm text-slate-500">{t("export.erased")}</p>}
      <div className="mt-4 flex flex-wrap items-start gap-2">
        {canBuild && (
          <ActionButton
            action={buildPackageAction}
            fields={{ requestId: view.requestId }}
            label={pkg ? t("export.rebuild") : t("export.build")}
            pendingLabel={t("export.queueing")}
            variant={pkg ? "secondary" : "primary"}
          />
        )}
        {canDownload && status === "ready" && !view.erased && (
          <a
            href={`/requests/${view.requestId}/fulfilment/download`}
            download
            className={buttonClass("primary")}
          >
            {t("export.download")}
          </a>
        )}
      </div>
      <p className="mt-3 text-xs text-slate-500">{t("export.hint")}</p>
    </Card>
  );
}
