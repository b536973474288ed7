/** Several chosen options, as chips; the "none" text when there are none. */
export function Chips({ labels, none }: { labels: string[]; none: string }) {
  if (labels.length === 0) return <span className="text-slate-400">{none}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {labels.map((label) => (
        <li key={label} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {label}
        </li>
      ))}
    </ul>
  );
}
