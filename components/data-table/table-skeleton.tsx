/** The shape of a list page while it loads: toolbar, header row and rows. */
export function TableSkeleton({
  label,
  rows = 8,
  columns = 5,
}: {
  label: string;
  rows?: number;
  columns?: number;
}) {
  return (
    <div role="status" aria-label={label} className="animate-pulse">
      <div className="mb-6 flex items-end justify-between">
        <div className="space-y-2">
          <div className="h-6 w-40 rounded bg-slate-200" />
          <div className="h-4 w-96 max-w-full rounded bg-slate-200/70" />
        </div>
        <div className="h-9 w-28 rounded-md bg-slate-200" />
      </div>
      <div className="mb-4 flex gap-3">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-9 w-36 rounded-md bg-slate-200/70" />
        ))}
      </div>
      <div className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
        <div className="h-10 bg-slate-100" />
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-6 border-t border-slate-100 px-4 py-4">
            {Array.from({ length: columns }, (_, c) => (
              <div
                key={c}
                className={
                  c === 0 ? "h-4 flex-2 rounded bg-slate-200" : "h-4 flex-1 rounded bg-slate-200/60"
                }
              />
            ))}
          </div>
        ))}
      </div>
      <span className="sr-only">{label}</span>
    </div>
  );
}
