/** A labelled progress bar (done of total) with its text beside it for screen readers and eyes. */
export function ProgressBar({
  label,
  value,
  max,
  text,
  testId,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
  testId?: string;
}) {
  const percent = max <= 0 ? 0 : Math.min(100, Math.floor((value / max) * 100));
  return (
    <div className="space-y-1" data-testid={testId}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-all"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700 tabular-nums">{text}</p>
    </div>
  );
}
