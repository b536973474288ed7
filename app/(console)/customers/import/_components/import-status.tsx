import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ImportStatus } from "@/db/schema/imports";

const tones: Record<ImportStatus, BadgeTone> = {
  uploaded: "neutral",
  running: "blue",
  completed: "green",
  failed: "red",
};

export async function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const t = await getTranslations("imports.status");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
