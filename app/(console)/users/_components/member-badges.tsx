"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { MfaStatus } from "@/lib/users/queries";

const mfaTones: Record<MfaStatus, BadgeTone> = {
  enrolled: "green",
  missing: "red",
  none: "neutral",
};

export function MfaBadge({ status }: { status: MfaStatus }) {
  const t = useTranslations("users");
  return <Badge tone={mfaTones[status]}>{t(`mfa.${status}`)}</Badge>;
}

export function StatusBadge({ deactivated }: { deactivated: boolean }) {
  const t = useTranslations("users");
  return (
    <Badge tone={deactivated ? "amber" : "green"}>
      {t(deactivated ? "status.deactivated" : "status.active")}
    </Badge>
  );
}
