import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PurposeConsent } from "@/lib/consent/state";
import { WithdrawForm } from "./withdraw-form";

/** Withdraw consent / object: the optional purposes the customer has granted, to withdraw. */
export async function ConsentCard({ view, canAct }: { view: { requestId: string; erased: boolean; purposes: PurposeConsent[] }; canAct: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("fulfilment"), getLocale()]);
  const label = (p: PurposeConsent) => `${p.name[locale as keyof typeof p.name] ?? p.name["zh-CN"]} (${p.code})`;
  return (
    <Card title={t("consent.title")}>
      {view.erased ? (
        <p className="text-sm text-slate-500">{t("consent.erased")}</p>
      ) : view.purposes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("consent.none")}</p>
      ) : canAct ? (
        <WithdrawForm requestId={view.requestId} purposes={view.purposes.map((p) => ({ value: p.purposeId, label: label(p) }))} />
      ) : (
        <ul className="list-disc pl-5 text-sm text-slate-700">{view.purposes.map((p) => <li key={p.purposeId}>{label(p)}</li>)}</ul>
      )}
      <p className="mt-3 text-xs text-slate-500">{t("consent.hint")}</p>
    </Card>
  );
}
