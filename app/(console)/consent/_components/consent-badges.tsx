import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LocalizedText } from "@/db/schema/policies";
import type { ConsentAction, ConsentKind, ConsentStatus } from "@/db/schema/consent";

const actionTones: Record<ConsentAction, BadgeTone> = { grant: "green", deny: "amber", withdraw: "red" };
const statusTones: Record<ConsentStatus, BadgeTone> = { granted: "green", denied: "amber", withdrawn: "red" };
const kindTones: Record<ConsentKind, BadgeTone> = { standard: "neutral", separate: "blue", opt_out: "orange" };

/** A purpose's name in the UI language (zh-CN when the other is missing). */
export const localized = (text: LocalizedText | null | undefined, locale: string) => (text ? (locale === "en" ? text.en || text["zh-CN"] : text["zh-CN"] || text.en) : "");

export async function ActionBadge({ action }: { action: ConsentAction }) {
  const t = await getTranslations("consent");
  return <Badge tone={actionTones[action]}>{t(`actions.${action}`)}</Badge>;
}

export async function StatusBadge({ status }: { status: ConsentStatus | null }) {
  const t = await getTranslations("consent");
  return status ? <Badge tone={statusTones[status]}>{t(`statuses.${status}`)}</Badge> : <Badge>{t("statuses.none")}</Badge>;
}

export async function KindBadge({ kind }: { kind: ConsentKind }) {
  const t = await getTranslations("consent");
  return <Badge tone={kindTones[kind]}>{t(`kinds.${kind}`)}</Badge>;
}

export async function GpcBadge() {
  const t = await getTranslations("consent");
  return <span title={t("gpcTitle")}><Badge tone="orange">GPC</Badge></span>;
}
