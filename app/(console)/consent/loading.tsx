import { getTranslations } from "next-intl/server";

const bar = "rounded bg-slate-200";

/** The dashboard's shape while it loads: four numbers, the purpose table and two charts. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-label={t("loading")} className="animate-pulse">
      <div className={`${bar} h-7 w-40`} />
      <div className={`${bar} mt-2 h-4 w-96 max-w-full`} />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => <div key={i} className={`${bar} h-24`} />)}
      </div>
      <div className={`${bar} mt-6 h-56`} />
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <div className={`${bar} h-64`} />
        <div className={`${bar} h-64`} />
      </div>
    </div>
  );
}
