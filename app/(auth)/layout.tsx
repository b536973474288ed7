import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <div
          className="mx-auto mb-3 flex size-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white"
          aria-hidden
        >
          PD
        </div>
        <p className="text-lg font-semibold text-slate-900">{t("product")}</p>
        <p className="text-sm text-slate-500">{t("tagline")}</p>
      </div>
      <main className="w-full max-w-sm rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {children}
      </main>
      <div className="mt-6">
        <LanguageSwitch />
      </div>
    </div>
  );
}
