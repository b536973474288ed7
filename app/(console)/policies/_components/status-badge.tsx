import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PolicyStatus } from "@/db/schema/policies";

const tones: Record<PolicyStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "amber",
  approved: "blue",
  published: "green",
  superseded: "neutral",
};

export async function StatusBadge({ status }: { status: PolicyStatus }) {
  const t = await getTranslations("policies");
  return <Badge tone={tones[status]}>{t(`statuses.${status}`)}</Badge>;
}
