import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AppLocale } from "@/lib/core/i18n/locale";
import type { PreferenceRow } from "@/lib/portal/preferences";
import { ChoiceForm } from "./choice-form";

/**
 * What the customer can read about one purpose, in the language of the law that governs their
 * choice (a PIPL customer reads about refusing or restricting processing, never about legitimate
 * interests or "do not sell"), its current state, and the one button that changes it.
 */
export async function PurposeCard({
  org,
  row,
  locale,
  guardianPending = false,
}: {
  org: string;
  row: PreferenceRow;
  locale: AppLocale;
  guardianPending?: boolean;
}) {
  const t = await getTranslations("portal.preferences");
  const tGuardian = await getTranslations("portal.guardian");
  const { law, basis, model } = row.choice;
  const grounds = row.separateGrounds.map((g) =>
    g === "cross_border" && row.crossBorderDestination
      ? t("grounds.crossBorderTo", { destination: row.crossBorderDestination })
      : t(`grounds.${g}`),
  );
  const reasons = grounds.join(t("grounds.joiner")) || t("grounds.sensitive");
  const explanation = [
    model === "none"
      ? t(`explain.${law}.none`, { basis: law === "CCPA" ? "" : t(`bases.${law}.${basis}`) })
      : model === "consent" && row.kind === "separate"
        ? t(`explain.${law}.separate`, { reasons })
        : t(`explain.${law}.${model}`),
    row.required ? t("explain.required") : "",
  ]
    .join(" ")
    .trim();
  // A minor whose own grant does not count here (PIPL Art. 31, GDPR Art. 8, CCPA §1798.120(c) under 13)…
  const guardianNote = row.reason === "guardian_required";
  // …or whose own opt-in is needed before a sale or sharing (CCPA §1798.120(c), 13 to 15).
  const optInNote = row.reason === "opt_in_required";
  // Not yet opted in: an opt-out purpose a minor's law turned into an opt-in.
  const notOptedIn =
    (guardianNote || optInNote) && row.status !== "denied" && row.status !== "withdrawn";
  const [statusText, tone]: [string, BadgeTone] = row.required
    ? [t("status.required"), "neutral"]
    : model === "none"
      ? [t("status.noChoice"), "neutral"]
      : model === "opt_out"
        ? row.allowed
          ? [t("status.optOutAllowed"), "blue"]
          : notOptedIn
            ? [t("status.none"), "neutral"]
            : [t("status.optedOut"), "amber"]
        : model === "objection"
          ? row.allowed
            ? [t("status.notObjected"), "blue"]
            : [t("status.objected"), "amber"]
          : row.status
            ? [
                t(`status.${row.status}`),
                row.status === "granted" && row.allowed ? "green" : "amber",
              ]
            : [t("status.none"), "neutral"];
  const refuseLabel =
    model === "opt_out"
      ? t("buttons.optOut")
      : model === "objection"
        ? t("buttons.object")
        : t("buttons.withdraw");
  const grantLabel =
    model === "opt_out"
      ? notOptedIn
        ? t("buttons.grant")
        : t("buttons.optIn")
      : model === "objection"
        ? t("buttons.withdrawObjection")
        : t("buttons.grant");
  // The one button: refuse what is allowed now; otherwise grant — which a child under 14 leaves to a verified guardian.
  const refuseNext = row.allowed && !row.reconsentRequired;

  return (
    <li
      className="space-y-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
      data-testid={`purpose-${row.code}`}
      aria-labelledby={`purpose-${row.code}-name`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`purpose-${row.code}-name`} className="text-base font-semibold text-slate-900">
          {row.name[locale]}
        </h3>
        <div className="flex gap-1.5">
          {row.sensitive && <Badge tone="orange">{t("sensitive")}</Badge>}
          <span data-testid="purpose-status">
            <Badge tone={tone}>{statusText}</Badge>
          </span>
        </div>
      </div>
      <p className="text-sm leading-relaxed text-slate-700">{row.description[locale]}</p>
      <p className="text-xs text-slate-500" data-testid="purpose-explanation">
        {explanation}
      </p>
      {(guardianNote || optInNote) && (
        <p
          role="note"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
          data-testid="minor-note"
        >
          {t(guardianNote ? "explain.guardian" : "explain.optIn", { article: row.article ?? "" })}
        </p>
      )}
      {row.reconsentRequired && (
        <p
          role="note"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("reconsent")}
        </p>
      )}
      {row.changeable && (
        <div className="flex flex-wrap items-start gap-2">
          {/* Keyed by purpose so the confirmation survives the button changing after the click. */}
          {refuseNext ? (
            <ChoiceForm
              key={row.id}
              org={org}
              purposeId={row.id}
              choice="refuse"
              label={refuseLabel}
              variant="secondary"
            />
          ) : guardianPending && row.guardianNeeded ? (
            <p role="note" className="text-sm text-amber-900" data-testid="guardian-needed">
              {tGuardian("cardNote")}
            </p>
          ) : (
            <ChoiceForm
              key={row.id}
              org={org}
              purposeId={row.id}
              choice="grant"
              label={row.reconsentRequired ? t("buttons.confirmAgain") : grantLabel}
              variant="primary"
            />
          )}
          {row.reconsentRequired && (
            <ChoiceForm
              key={`${row.id}-withdraw`}
              org={org}
              purposeId={row.id}
              choice="refuse"
              label={refuseLabel}
              variant="secondary"
            />
          )}
        </div>
      )}
    </li>
  );
}
