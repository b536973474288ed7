import { getTranslations } from "next-intl/server";
import type { Checkpoint } from "@/lib/core/audit/checkpoint";
import { EventTime } from "@/components/ui/event-time";

/** Signed checkpoints, newest first, each downloadable as its verifiable JSON document. */
export async function CheckpointList({
  rows,
  showHash = false,
}: {
  rows: Checkpoint[];
  showHash?: boolean;
}) {
  const t = await getTranslations("audit");
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("checkpoints.title")}>
      {rows.map((c) => (
        <li
          key={c.id}
          className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm"
        >
          <div className="min-w-0">
            <p>
              <span className="font-mono font-semibold text-slate-900">#{c.seq}</span>
              <span className="ml-2 text-slate-600">
                <EventTime iso={c.signedAt} />
              </span>
            </p>
            <p className="text-xs text-slate-500">
              {t("checkpoints.keyId")} <code className="font-mono">{c.keyId}</code>
              {showHash && (
                <>
                  {" "}
                  · {t("checkpoints.hash")} <code className="font-mono break-all">{c.hash}</code>
                </>
              )}
            </p>
          </div>
          <a
            href={`/audit/checkpoints/${c.id}`}
            download
            aria-label={t("checkpoints.downloadLabel", { seq: c.seq })}
            className="shrink-0 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {t("checkpoints.download")}
          </a>
        </li>
      ))}
    </ul>
  );
}
