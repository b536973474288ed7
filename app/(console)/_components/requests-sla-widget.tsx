import { getTranslations } from "next-intl/server";
import { KpiCard, type KpiTone } from "@/components/ui/kpi-card";
import type { slaFilters } from "@/lib/requests/queue-query";

type Counts = Record<(typeof slaFilters)[number], number>;
const order: Array<[keyof Counts, KpiTone]> = [
  ["overdue", "danger"],
  ["due_soon", "warning"],
  ["paused", "neutral"],
  ["on_track", "ok"],
  ["not_started", "neutral"],
];

/** Open data-subject requests per SLA state; each number opens the queue filtered to it. */
export async function RequestsSlaWidget({ counts }: { counts: Counts }) {
  const t = await getTranslations("requests");
  return (
    <section aria-labelledby="overview-requests" data-testid="requests-sla">
      <h2 id="overview-requests" className="mb-3 text-sm font-semibold text-slate-800">
        {t("overview.title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        {order.map(([state, tone]) => (
          <div
            key={state}
            data-testid={`sla-${state}`}
            className={
              state === "overdue" && counts.overdue > 0
                ? "rounded-lg ring-2 ring-red-500"
                : undefined
            }
          >
            <KpiCard
              label={t(`sla.state.${state}`)}
              value={counts[state]}
              tone={tone}
              href={`/requests?sla=${state}`}
              hint={t("overview.viewQueue")}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
