import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { IncidentClock } from "@/lib/incidents/clocks";

/** A clock's state in hours: green while time is ample, amber in its last quarter, red once passed. */
export async function ClockCountdown({ clock }: { clock: IncidentClock }) {
  const t = await getTranslations("incidents");
  const label = (() => {
    switch (clock.state) {
      case "running":
        return t("clock.hoursLeft", { hours: clock.hoursLeft! });
      case "passed":
        return t("clock.hoursOver", { hours: Math.abs(clock.hoursLeft!) });
      case "done":
        return clock.late ? t("clock.doneLate") : t("clock.done");
      case "waived":
        return t("clock.waived");
      case "not_started":
        return t("clock.notStarted");
      case "undue_delay":
        return t("clock.undueDelay");
    }
  })();
  return (
    <span data-testid={`clock-${clock.rule.key}`} data-tone={clock.tone}>
      <Badge tone={clock.tone}>{label}</Badge>
    </span>
  );
}
