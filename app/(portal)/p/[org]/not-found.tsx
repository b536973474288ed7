import { getTranslations } from "next-intl/server";

export default async function PublicNotFound() {
  const t = await getTranslations("policies");
  return (
    <div className="mt-16 rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{t("public.notFound")}</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t("public.notFoundBody")}</p>
    </div>
  );
}
