import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DpaStatus, HandlerRole, ReviewState, RiskTier } from "@/db/schema/vendors";

const tierTone: Record<RiskTier, BadgeTone> = {
  low: "green",
  medium: "amber",
  high: "orange",
  critical: "red",
};
const dpaTone: Record<DpaStatus, BadgeTone> = {
  none: "red",
  draft: "amber",
  signed: "green",
  expired: "red",
};
const reviewTone: Record<ReviewState, BadgeTone> = { ok: "neutral", due: "amber", overdue: "red" };
// A handler of its own (PIPL Arts. 20, 23) is what makes sharing need separate consent: it stands out.
const roleTone: Record<HandlerRole, BadgeTone> = {
  entrusted_processor: "neutral",
  independent_handler: "orange",
  joint_handler: "orange",
};

/** Tier and score together: the tier says how worried to be, the score why. */
export function TierBadge({ tier, score }: { tier: RiskTier; score?: number }) {
  const t = useTranslations("vendors");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={tierTone[tier]}>
        {t(`options.tier.${tier}`)}
        {score !== undefined && (
          <span className="ml-1 font-normal tabular-nums opacity-80">· {score}</span>
        )}
      </Badge>
    </span>
  );
}

export function DpaBadge({ status, expiring }: { status: DpaStatus; expiring?: boolean }) {
  const t = useTranslations("vendors");
  const badge =
    status === "signed" && expiring ? (
      <Badge tone="amber">{t("list.expiringBadge")}</Badge>
    ) : (
      <Badge tone={dpaTone[status]}>{t(`options.dpaStatus.${status}`)}</Badge>
    );
  return <span className="whitespace-nowrap">{badge}</span>;
}

export function ReviewBadge({ state }: { state: ReviewState }) {
  const t = useTranslations("vendors");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={reviewTone[state]}>{t(`options.reviewState.${state}`)}</Badge>
    </span>
  );
}

export function RoleBadge({ role }: { role: HandlerRole }) {
  const t = useTranslations("vendors");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={roleTone[role]}>{t(`options.handlerRole.${role}`)}</Badge>
    </span>
  );
}
