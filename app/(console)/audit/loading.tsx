import { getTranslations } from "next-intl/server";

const bar = "rounded bg-slate-200";

/** The audit page's shape while it loads: two summary cards, the filter bar and table rows. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-label={t("loading")} className="animate-pulse">
      <div className={`${bar} h-7 w-40`} />
      <div className={`${bar} mt-2 h-4 w-96 max-w-full`} />
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <div className={`${bar} h-40`} />
        <div className={`${bar} h-40`} />
      </div>
      <div className={`${bar} mt-8 h-24`} />
      <div className="mt-3 space-y-2">
        {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-10 rounded bg-slate-200/70" />)}
      </div>
    </div>
  );
}
