import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { RequestType } from "@/db/schema";
import type { RefusablePurpose } from "@/lib/requests/fulfilment/consent";
import { WithdrawForm } from "./withdraw-form";

type RefusalType =
  "withdraw_consent" | "objection" | "restriction" | "opt_out_sale_sharing" | "limit_sensitive";

/**
 * Withdraw consent, object or restrict: the optional purposes the customer granted and, for an
 * objection or restriction, those running for them on legitimate interest or opt-out; a CCPA
 * opt-out or limitation names what completing the request will record.
 */
export async function ConsentCard({
  view,
  canAct,
}: {
  view: { requestId: string; type: RequestType; erased: boolean; purposes: RefusablePurpose[] };
  canAct: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("fulfilment"), getLocale()]);
  const type = view.type as RefusalType;
  const withdrawal = type === "withdraw_consent";
  const label = (p: RefusablePurpose) =>
    `${p.name[locale as keyof typeof p.name] ?? p.name["zh-CN"]} (${p.code})${withdrawal ? "" : ` · ${t(`consent.refusal.${p.refusal}`)}`}`;
  return (
    <Card title={t(`consent.titles.${type}`)}>
      {view.erased ? (
        <p className="text-sm text-slate-500">{t("consent.erased")}</p>
      ) : view.purposes.length === 0 ? (
        <p className="text-sm text-slate-500">
          {withdrawal ? t("consent.none") : t("consent.noneRefusable")}
        </p>
      ) : canAct ? (
        <WithdrawForm
          requestId={view.requestId}
          purposes={view.purposes.map((p) => ({ value: p.purposeId, label: label(p) }))}
          labels={
            withdrawal
              ? { choose: t("consent.choose"), submit: t("consent.submit") }
              : { choose: t("consent.chooseRefusal"), submit: t("consent.submitRefusal") }
          }
        />
      ) : (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {view.purposes.map((p) => (
            <li key={p.purposeId}>{label(p)}</li>
          ))}
        </ul>
      )}
      {(type === "opt_out_sale_sharing" || type === "limit_sensitive") &&
        view.purposes.length > 0 &&
        !view.erased && <p className="mt-3 text-sm text-slate-700">{t("consent.onCompletion")}</p>}
      <p className="mt-3 text-xs text-slate-500">
        {withdrawal ? t("consent.hint") : t("consent.hintRefusal")}
      </p>
    </Card>
  );
}
