import { getTranslations } from "next-intl/server";
import { EventTime } from "@/components/ui/event-time";
import type { TimelineItem } from "@/lib/incidents/response/timeline";

/** The timeline, oldest first: what the records say happened, and the officers' own entries. */
export async function IncidentTimeline({
  incidentId,
  items,
  evidenceLinks,
}: {
  incidentId: string;
  items: TimelineItem[];
  evidenceLinks: boolean;
}) {
  const [t, incidents, response] = await Promise.all([
    getTranslations("incidentResponse.timeline.events"),
    getTranslations("incidents"),
    getTranslations("incidentResponse"),
  ]);
  const clock = (key: unknown) =>
    incidents.has(`clock.rules.${key}` as never)
      ? incidents(`clock.rules.${key}` as never)
      : String(key);
  const kind = (key: unknown) => response(`reports.kinds.${key as "cac"}`);
  const describe = (item: TimelineItem): string => {
    if (item.kind === "discovered") return t("discovered");
    if (item.kind === "clockPassed") return t("clockPassed", { clock: clock(item.rule) });
    if (item.kind === "manual") return item.note;
    const d = item.details;
    switch (item.action) {
      case "incident.reported":
        return t("reported");
      case "incident.triaged":
        return t("triaged");
      case "incident.grade_confirmed":
        return t("graded");
      case "incident.status_changed":
        return t("status", {
          from: incidents(`status.${d.from}` as never),
          to: incidents(`status.${d.to}` as never),
        });
      case "incident.clock_marked":
        return t("clockMarked", { clock: clock(d.rule) });
      case "incident.report_prepared":
        return t("reportPrepared", { kind: kind(d.kind), version: Number(d.version) });
      case "incident.report_submitted":
        return t("reportSubmitted", { kind: kind(d.kind), version: Number(d.version) });
      case "incident.reviewed":
        return t("reviewed");
    }
  };
  if (items.length === 0)
    return <p className="text-sm text-slate-500">{response("timeline.none")}</p>;
  return (
    <ol className="space-y-3 border-l border-slate-200 pl-4" data-testid="incident-timeline">
      {items.map((item, i) => (
        <li key={i} className="text-sm">
          <p className="text-xs text-slate-500">
            <EventTime iso={item.at.toISOString()} />
            {item.kind !== "discovered" && item.kind !== "clockPassed" && item.actor && (
              <> · {item.actor}</>
            )}
          </p>
          <p
            className={
              item.kind === "clockPassed" ? "text-red-700" : "whitespace-pre-line text-slate-900"
            }
          >
            {describe(item)}
          </p>
          {item.kind === "manual" && item.file && (
            <p className="text-xs">
              {evidenceLinks ? (
                <a
                  href={`/incidents/${incidentId}/evidence/${item.id}`}
                  className="text-brand-700 hover:underline"
                  download
                >
                  {response("timeline.evidence", { name: item.file.name })}
                </a>
              ) : (
                response("timeline.evidence", { name: item.file.name })
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
