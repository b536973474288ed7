/** Audit details (ids, counts, field names) as compact `key: value` pairs; the full JSON on hover. */
export function DetailsSummary({ details, empty }: { details: Record<string, unknown>; empty: string }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-slate-400">{empty}</span>;
  const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
  return (
    <dl title={JSON.stringify(details, null, 1)} className="flex max-w-md flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex min-w-0 gap-1">
          <dt className="text-slate-500">{key}</dt>
          <dd className="truncate font-mono text-slate-800">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
