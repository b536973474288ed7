import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/core/auth/actor";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ expired?: string; changed?: string }>;
}) {
  if (await getActor()) redirect("/start");
  const [t, account] = await Promise.all([
    getTranslations("auth"),
    getTranslations("account.signIn"),
  ]);
  const { expired, changed } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">{t("signInTitle")}</h1>
      <p className="mb-5 text-sm text-slate-500">{t("signInIntro")}</p>
      {expired && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          {t("expired")}
        </p>
      )}
      {changed && (
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200"
        >
          {account("passwordChanged")}
        </p>
      )}
      <SignInForm />
    </>
  );
}
