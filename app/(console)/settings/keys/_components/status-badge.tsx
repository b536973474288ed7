import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = {
  primary: "green",
  decrypt_only: "amber",
  destroyed: "neutral",
  current: "green",
  previous: "amber",
  derived: "blue",
  env: "blue",
};

/** A key's state in words: primary, decrypt-only, destroyed, current, previous… */
export async function KeyStatusBadge({ status }: { status: keyof typeof tones }) {
  const t = await getTranslations("keys.status");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
