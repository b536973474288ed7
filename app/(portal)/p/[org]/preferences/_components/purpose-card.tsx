import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AppLocale } from "@/lib/core/i18n/locale";
import type { PreferenceRow } from "@/lib/portal/preferences";
import { ChoiceForm } from "./choice-form";


/** What the customer can read about one purpose, its current state, and the one button that changes it. */
export async function PurposeCard({ org, row, locale, guardianPending = false }: { org: string; row: PreferenceRow; locale: AppLocale; guardianPending?: boolean }) {
  const t = await getTranslations("portal.preferences");
  const tGuardian = await getTranslations("portal.guardian");
  const grounds = row.separateGrounds.map((g) => (g === "cross_border" && row.crossBorderDestination ? t("grounds.crossBorderTo", { destination: row.crossBorderDestination }) : t(`grounds.${g}`)));
  const explanation = row.required ? t("kinds.required")
    : row.kind === "separate" ? t("kinds.separate", { reasons: grounds.join(t("grounds.joiner")) || t("grounds.sensitive") })
    : t(`kinds.${row.kind}`);
  const [statusText, tone]: [string, BadgeTone] = row.required ? [t("status.required"), "neutral"]
    : row.kind === "opt_out" ? (row.allowed ? [t("status.optOutAllowed"), "blue"] : [t("status.optedOut"), "amber"])
    : row.status ? [t(`status.${row.status}`), row.status === "granted" ? "green" : "amber"] : [t("status.none"), "neutral"];
  const refuseLabel = row.kind === "opt_out" ? t("buttons.optOut") : t("buttons.withdraw");
  const grantLabel = row.kind === "opt_out" ? t("buttons.optIn") : t("buttons.grant");
  // The one button: refuse what is allowed now; otherwise grant — which a child under 14 leaves to a verified guardian.
  const refuseNext = row.allowed && !row.reconsentRequired;

  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200" data-testid={`purpose-${row.code}`} aria-labelledby={`purpose-${row.code}-name`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`purpose-${row.code}-name`} className="text-base font-semibold text-slate-900">{row.name[locale]}</h3>
        <div className="flex gap-1.5">
          {row.sensitive && <Badge tone="orange">{t("sensitive")}</Badge>}
          <span data-testid="purpose-status"><Badge tone={tone}>{statusText}</Badge></span>
        </div>
      </div>
      <p className="text-sm leading-relaxed text-slate-700">{row.description[locale]}</p>
      <p className="text-xs text-slate-500">{explanation}</p>
      {row.reconsentRequired && (
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{t("reconsent")}</p>
      )}
      {!row.required && (
        <div className="flex flex-wrap items-start gap-2">
          {/* Keyed by purpose so the confirmation survives the button changing after the click. */}
          {refuseNext ? (
            <ChoiceForm key={row.id} org={org} purposeId={row.id} choice="refuse" label={refuseLabel} variant="secondary" />
          ) : guardianPending ? (
            <p role="note" className="text-sm text-amber-900" data-testid="guardian-needed">{tGuardian("cardNote")}</p>
          ) : (
            <ChoiceForm key={row.id} org={org} purposeId={row.id} choice="grant" label={row.reconsentRequired ? t("buttons.confirmAgain") : grantLabel} variant="primary" />
          )}
          {row.reconsentRequired && <ChoiceForm key={`${row.id}-withdraw`} org={org} purposeId={row.id} choice="refuse" label={refuseLabel} variant="secondary" />}
        </div>
      )}
    </li>
  );
}
