import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EventTime } from "@/components/ui/event-time";
import type { TimelineEntry } from "@/lib/requests/queries";

/**
 * What happened, newest first. Notes and messages are shown only to people who handle requests;
 * an internal note (amber) never looks like a message the requester reads (blue).
 */
export async function Timeline({
  entries,
  showTexts,
}: {
  entries: TimelineEntry[];
  showTexts: boolean;
}) {
  const t = await getTranslations("requests");
  const status = (s: string | null) => (s ? t(`status.${s}` as never) : "—");
  const summary = (e: TimelineEntry): string => {
    switch (e.kind) {
      case "created":
        return t("timeline.created", {
          channel: t(`channel.${String(e.data.channel ?? "portal")}` as never),
        });
      case "status_changed":
        return t("timeline.statusChanged", { from: status(e.fromStatus), to: status(e.toStatus) });
      case "paused":
        return t("timeline.paused");
      case "resumed":
        return t("timeline.resumed", {
          from: String(e.data.pausedFrom),
          to: String(e.data.resumedOn),
        });
      case "identity_verified":
        return t("timeline.verified", {
          method: t(`identity.${String(e.data.method)}` as never),
          on: String(e.data.verifiedOn),
        });
      case "extended":
        return t("timeline.extended", { previous: String(e.data.previousDueOn ?? "—") });
      case "assigned":
        return e.assigneeName
          ? t("timeline.assigned", { name: e.assigneeName })
          : t("timeline.unassigned");
      case "duplicate_linked":
        return t("timeline.duplicate", { reference: String(e.data.originalReference ?? "") });
      default:
        return t(`timeline.kinds.${e.kind}` as never);
    }
  };
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("timeline.empty")}</p>;
  return (
    <ol className="space-y-4" data-testid="timeline">
      {entries.map((e) => (
        <li
          key={e.id}
          className={cn(
            "border-l-2 pl-3",
            e.kind === "note"
              ? "border-amber-400"
              : e.sealed
                ? "border-sky-400"
                : "border-slate-200",
          )}
          data-kind={e.kind}
        >
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-900">{summary(e)}</span>
            {e.visibleToRequester ? (
              <Badge tone="blue">{t("timeline.requesterSees")}</Badge>
            ) : (
              e.kind === "note" && <Badge tone="amber">{t("timeline.internal")}</Badge>
            )}
          </div>
          <p className="text-xs text-slate-500">
            <EventTime iso={e.createdAt} /> · {e.actorName ?? t("timeline.requesterOrSystem")}
          </p>
          {e.sealed &&
            (showTexts ? (
              <p
                className={cn(
                  "mt-1 rounded px-2 py-1 text-sm whitespace-pre-wrap text-slate-800",
                  e.kind === "note" ? "bg-amber-50" : "bg-sky-50",
                )}
              >
                {e.text ?? t("timeline.shredded")}
              </p>
            ) : (
              <p className="mt-1 text-xs text-slate-400 italic">{t("timeline.hidden")}</p>
            ))}
        </li>
      ))}
    </ol>
  );
}
