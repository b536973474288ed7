import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConsentKind, SeparateConsentGround } from "@/db/schema/consent";

const kindTone: Record<ConsentKind, BadgeTone> = { standard: "blue", separate: "orange", opt_out: "amber" };

/** The consent kind, with the reasons separate consent is needed. */
export function ConsentKindBadge({ kind, grounds }: { kind: ConsentKind; grounds: SeparateConsentGround[] }) {
  const t = useTranslations("purposes");
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge tone={kindTone[kind]}>{t(`options.consentKinds.${kind}`)}</Badge>
      {kind === "separate" && grounds.map((g) => <Badge key={g}>{t(`options.grounds.${g}`)}</Badge>)}
    </span>
  );
}

export function StatusBadge({ archived }: { archived: boolean }) {
  const t = useTranslations("purposes");
  return archived ? <Badge>{t("status.archived")}</Badge> : <Badge tone="green">{t("status.active")}</Badge>;
}
