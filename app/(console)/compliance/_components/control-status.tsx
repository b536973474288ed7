import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ControlStatus } from "@/db/schema/controls";

const tones: Record<ControlStatus, BadgeTone> = {
  met: "green",
  partly: "amber",
  not_met: "red",
  no_data: "neutral",
};

/** A control's or requirement's status, in words and colour. */
export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  const t = useTranslations("controls");
  return <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>;
}

/** A control's figure: the rate with its parts, or nothing when it is not a rate. */
export function EvidenceFigure({
  numerator,
  denominator,
}: {
  numerator: number | null;
  denominator: number | null;
}) {
  if (numerator === null || denominator === null || denominator === 0) return null;
  const percent = Math.floor((numerator / denominator) * 1000) / 10;
  return (
    <span className="tabular-nums text-slate-600">
      {percent}% ({numerator}/{denominator})
    </span>
  );
}

const dot: Record<ControlStatus, string> = {
  met: "bg-emerald-500",
  partly: "bg-amber-400",
  not_met: "bg-red-500",
  no_data: "bg-slate-300",
};

/** The trend: one square per evaluated day, oldest first, each named by its day and status. */
export function ControlTrend({
  points,
}: {
  points: Array<{ evaluatedOn: string; status: ControlStatus }>;
}) {
  const t = useTranslations("controls");
  if (points.length === 0) return <span className="text-xs text-slate-400">{t("noTrend")}</span>;
  return (
    <span
      className="inline-flex gap-0.5"
      role="img"
      aria-label={t("trendLabel", { days: points.length })}
    >
      {points.map((p) => (
        <span
          key={p.evaluatedOn}
          title={`${p.evaluatedOn}: ${t(`status.${p.status}`)}`}
          className={`inline-block size-2.5 rounded-sm ${dot[p.status]}`}
        />
      ))}
    </span>
  );
}
