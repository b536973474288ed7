import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { IncidentGrade, IncidentStatus } from "@/db/schema/incidents";

const statusTone: Record<IncidentStatus, BadgeTone> = {
  reported: "amber",
  triage: "amber",
  investigating: "orange",
  contained: "blue",
  notifying: "blue",
  closed: "neutral",
  dismissed: "neutral",
};
export const gradeTone: Record<IncidentGrade, BadgeTone> = {
  general: "neutral",
  relatively_major: "amber",
  major: "orange",
  especially_major: "red",
};

/** Status, confirmed grade (or the proposal, marked as such) and the drill mark. */
export async function IncidentBadges({
  incident,
}: {
  incident: {
    status: IncidentStatus;
    grade: IncidentGrade | null;
    proposedGrade: IncidentGrade | null;
    drill: boolean;
  };
}) {
  const t = await getTranslations("incidents");
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="incident-badges">
      <Badge tone={statusTone[incident.status]}>{t(`status.${incident.status}`)}</Badge>
      {incident.grade ? (
        <Badge tone={gradeTone[incident.grade]}>{t(`grade.${incident.grade}`)}</Badge>
      ) : incident.proposedGrade ? (
        <Badge tone="neutral">
          {t("gradeProposed", { grade: t(`grade.${incident.proposedGrade}`) })}
        </Badge>
      ) : null}
      {incident.drill && <Badge tone="blue">{t("drill")}</Badge>}
    </div>
  );
}
