/** A plain bar for "n of m"; the number next to it is the accessible text, so the bar is decorative. */
export function ProgressBar({ value, max }: { value: number; max: number }) {
  const percent = max === 0 ? 0 : Math.round((value / max) * 100);
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
      <div
        className={percent === 100 ? "h-full bg-emerald-500" : "h-full bg-brand-600"}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
