import { cn } from "@/components/ui/cn";

interface Props {
  done: number;
  total: number;
  status: "running" | "completed" | "failed";
  label: string;
  statusLabel: string;
}

/**
 * done of total as a bar. A completed rotation shows 100% even when fewer values moved than were
 * counted at the start (a customer erased meanwhile needed no moving).
 */
export function RotationProgress({ done, total, status, label, statusLabel }: Props) {
  const percent =
    status === "completed" || total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-4 text-sm">
        <span id="rotation-progress-label" className="font-medium text-slate-800">
          {label}
        </span>
        <span className="tabular-nums text-slate-600" data-testid="rotation-progress-text">
          {done.toLocaleString()} / {total.toLocaleString()} · {percent}% · {statusLabel}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="rotation-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% · ${statusLabel}`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            status === "failed"
              ? "bg-red-500"
              : status === "completed"
                ? "bg-emerald-500"
                : "bg-brand-600",
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
