import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConsentKind, PurposeBases, SeparateConsentGround } from "@/db/schema/purposes";
import { lawIds } from "@/lib/purposes/options";

const kindTone: Record<ConsentKind, BadgeTone> = { standard: "blue", separate: "orange" };

/** The basis under each law the purpose is offered under, e.g. "PIPL: consent · CCPA: opt-out". */
export function BasesList({ bases }: { bases: PurposeBases }) {
  const t = useTranslations("purposes.options");
  return (
    <ul className="space-y-0.5">
      {lawIds.flatMap((law) => {
        const basis = bases[law];
        return basis
          ? [
              <li key={law}>
                <span className="font-medium text-slate-900">{law}</span>{" "}
                {t(`bases.${law}.${basis}`)}
              </li>,
            ]
          : [];
      })}
    </ul>
  );
}

/** The consent kind, with the reasons separate consent is needed. */
export function ConsentKindBadge({
  kind,
  grounds,
}: {
  kind: ConsentKind;
  grounds: SeparateConsentGround[];
}) {
  const t = useTranslations("purposes");
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge tone={kindTone[kind]}>{t(`options.consentKinds.${kind}`)}</Badge>
      {kind === "separate" &&
        grounds.map((g) => <Badge key={g}>{t(`options.grounds.${g}`)}</Badge>)}
    </span>
  );
}

export function StatusBadge({ archived }: { archived: boolean }) {
  const t = useTranslations("purposes");
  return archived ? (
    <Badge>{t("status.archived")}</Badge>
  ) : (
    <Badge tone="green">{t("status.active")}</Badge>
  );
}
