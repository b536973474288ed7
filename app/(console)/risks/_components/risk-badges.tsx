import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { acceptanceState, type AcceptanceState } from "@/lib/risks/acceptance";
import { riskLevel, type RiskLevel } from "@/lib/risks/levels";
import type { RiskTreatment } from "@/db/schema/risks";

const levelTone: Record<RiskLevel, BadgeTone> = {
  low: "green",
  medium: "amber",
  high: "orange",
  critical: "red",
};
const acceptanceTone: Record<AcceptanceState, BadgeTone> = {
  none: "neutral",
  pending: "amber",
  accepted: "green",
  expired: "red",
};

/** A score with its level in words. */
export async function ScoreBadge({ likelihood, impact }: { likelihood: number; impact: number }) {
  const t = await getTranslations("risks");
  const score = likelihood * impact;
  return (
    <Badge tone={levelTone[riskLevel(score)]}>
      {t("scoreLabel", { score, level: t(`levels.${riskLevel(score)}`), likelihood, impact })}
    </Badge>
  );
}

export async function AcceptanceBadge({
  risk,
  today,
}: {
  risk: { treatment: RiskTreatment; acceptedBy: string | null; acceptanceExpiresOn: string | null };
  today: string;
}) {
  const t = await getTranslations("risks");
  const state = acceptanceState(risk, today);
  if (state === "none") return null;
  return <Badge tone={acceptanceTone[state]}>{t(`acceptance.states.${state}`)}</Badge>;
}
