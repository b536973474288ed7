import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { auditObligationStatus } from "@/lib/compliance-audits/obligation-status";
import { auditFrequencyRule } from "@/lib/compliance-audits/obligation";

type Obligation = Awaited<ReturnType<typeof auditObligationStatus>>;

/** The two-year rule as it applies now: computed from the vault's size by the daily control job. */
export function ObligationCard({ obligation, today }: { obligation: Obligation; today: string }) {
  const t = useTranslations("complianceAudits");
  return (
    <Card title={t("obligation.title")} className="mb-6">
      <div data-testid="audit-obligation" className="space-y-1 text-sm text-slate-700">
        {!obligation ? (
          <p>{t("obligation.notEvaluated")}</p>
        ) : obligation.required ? (
          <p>
            {obligation.nextDueOn && obligation.nextDueOn <= today
              ? t("obligation.dueNow", { individuals: obligation.individuals })
              : t("obligation.nextDue", {
                  individuals: obligation.individuals,
                  date: obligation.nextDueOn ?? "",
                })}
          </p>
        ) : (
          <p>{t("obligation.notRequired", { individuals: obligation.individuals })}</p>
        )}
        <p className="text-xs text-slate-500">
          {t("obligation.rule", { source: auditFrequencyRule.source })}
          {obligation && ` · ${t("obligation.evaluatedOn", { date: obligation.evaluatedOn })}`}
        </p>
      </div>
    </Card>
  );
}
