/** Placeholder rows while a page streams in. */
export function Skeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse space-y-3">
      <div className="h-7 w-48 rounded bg-slate-200" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-10 rounded bg-slate-200/70" />
      ))}
    </div>
  );
}
