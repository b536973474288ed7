"use client";

import { useTranslations } from "next-intl";
import { RadioGroup } from "@/components/ui/radio-group";
import { flagPoints, maxRiskScore, riskQuestions, type RiskTierId } from "@/lib/vendors/risk";
import { TierBadge } from "./vendor-badges";

interface Props {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  /** Score and tier of the answers as they stand in the form right now. */
  preview: { score: number; tier: RiskTierId };
}

/** The risk questionnaire, one radio group per question, with the resulting tier as you answer. */
export function RiskSection({ values, errors, preview }: Props) {
  const t = useTranslations("vendors");
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 px-3 py-2.5 ring-1 ring-slate-200">
        <p className="text-sm text-slate-600">
          {t("risk.intro", { points: flagPoints.sensitiveData })}
        </p>
        <p
          className="flex items-center gap-2 text-sm font-medium text-slate-800"
          aria-live="polite"
        >
          {t("risk.preview", { score: preview.score, max: maxRiskScore })}
          <TierBadge tier={preview.tier} />
        </p>
      </div>
      {riskQuestions.map((question) => {
        const name = `risk.${question.id}`;
        const value = values[name];
        return (
          <RadioGroup
            key={question.id}
            name={name}
            label={t(`risk.questions.${question.id}.label`)}
            required
            defaultValue={typeof value === "string" ? value : undefined}
            error={errors[name]}
            options={question.options.map((o) => ({
              value: o.id,
              label: t(`risk.questions.${question.id}.options.${o.id}`),
            }))}
          />
        );
      })}
    </div>
  );
}
