import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConsentAction, ConsentStatus } from "@/db/schema/consent";
import type { ConsentKind } from "@/db/schema/purposes";
import type { Decision } from "@/lib/consent/decide";

const actionTones: Record<ConsentAction, BadgeTone> = {
  grant: "green",
  deny: "amber",
  withdraw: "red",
};
const statusTones: Record<ConsentStatus, BadgeTone> = {
  granted: "green",
  denied: "amber",
  withdrawn: "red",
};
const kindTones: Record<ConsentKind, BadgeTone> = { standard: "neutral", separate: "blue" };

export async function ActionBadge({ action }: { action: ConsentAction }) {
  const t = await getTranslations("consent");
  return <Badge tone={actionTones[action]}>{t(`actions.${action}`)}</Badge>;
}

export async function StatusBadge({ status }: { status: ConsentStatus | null }) {
  const t = await getTranslations("consent");
  return status ? (
    <Badge tone={statusTones[status]}>{t(`statuses.${status}`)}</Badge>
  ) : (
    <Badge>{t("statuses.none")}</Badge>
  );
}

export async function KindBadge({ kind }: { kind: ConsentKind }) {
  const t = await getTranslations("consent");
  return <Badge tone={kindTones[kind]}>{t(`kinds.${kind}`)}</Badge>;
}

/** The decision as the check answers it: allowed or not, why, and the law and article that decided. */
export async function DecisionBadge({ decision }: { decision: Decision }) {
  const t = await getTranslations("consent");
  return (
    <span className="flex flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-1">
        <Badge tone={decision.allowed ? "green" : "red"}>
          {t(decision.allowed ? "decision.allowed" : "decision.denied")}
        </Badge>
        <span className="text-xs text-slate-700">{t(`reasons.${decision.reason}`)}</span>
      </span>
      {decision.article && <span className="text-xs text-slate-500">{decision.article}</span>}
    </span>
  );
}

export async function GpcBadge() {
  const t = await getTranslations("consent");
  return (
    <span title={t("gpcTitle")}>
      <Badge tone="orange">GPC</Badge>
    </span>
  );
}
