import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { calendarDaysBetween } from "@/lib/core/dates";
import { REMIND_BEFORE_DAYS } from "@/lib/training/reminders";

/** Overdue (red), due within the reminder window (amber) or open (neutral). */
export async function DueBadge({ dueOn, today }: { dueOn: string; today: string }) {
  const t = await getTranslations("training");
  const days = calendarDaysBetween(today, dueOn);
  if (days < 0) return <Badge tone="red">{t("due.overdue", { days: -days })}</Badge>;
  if (days <= REMIND_BEFORE_DAYS) return <Badge tone="amber">{t("due.soon", { days })}</Badge>;
  return <Badge>{t("due.open")}</Badge>;
}
