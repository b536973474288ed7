import { getTranslations } from "next-intl/server";
import { readableDetails } from "@/lib/core/audit/readable-details";

/** Audit details (ids, counts, field names) as compact `name: value` pairs in words; the recorded JSON on hover. */
export async function DetailsSummary({
  details,
  empty,
}: {
  details: Record<string, unknown>;
  empty: string;
}) {
  if (Object.keys(details).length === 0) return <span className="text-slate-400">{empty}</span>;
  const t = await getTranslations("audit");
  const entries = readableDetails(details, {
    key: (k) => (t.has(`detailKeys.${k}`) ? t(`detailKeys.${k}` as never) : undefined),
    value: (v) => (t.has(`detailValues.${v}`) ? t(`detailValues.${v}` as never) : undefined),
  });
  return (
    <dl
      title={JSON.stringify(details, null, 1)}
      className="flex max-w-md flex-wrap gap-x-3 gap-y-0.5 text-xs"
    >
      {entries.map((entry) => (
        <div key={entry.key} className="flex min-w-0 gap-1">
          <dt className="text-slate-500">{entry.label}</dt>
          <dd className="truncate text-slate-800">{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}
