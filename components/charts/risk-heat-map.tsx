import { cn } from "@/components/ui/cn";
import { gridSteps, riskLevel, type RiskLevel } from "@/lib/risks/levels";

const cellTone: Record<RiskLevel, string> = {
  low: "bg-emerald-50 text-emerald-900",
  medium: "bg-amber-50 text-amber-900",
  high: "bg-orange-100 text-orange-900",
  critical: "bg-red-100 text-red-900",
};

interface Props {
  caption: string;
  cells: Array<{ likelihood: number; impact: number; count: number }>;
  labels: {
    likelihood: string;
    impact: string;
    level: (level: RiskLevel) => string;
    count: (count: number) => string;
  };
}

/**
 * The 5 × 5 risk heat map as a real table: likelihood down (5 at the top), impact across, each
 * cell naming its level in words and its count, so colour is never the only cue and a screen
 * reader reads the same grid.
 */
export function RiskHeatMap({ caption, cells, labels }: Props) {
  const countAt = (likelihood: number, impact: number) =>
    cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.count ?? 0;
  return (
    <table
      className="w-full table-fixed border-separate border-spacing-1 text-center text-xs"
      data-testid="risk-heat-map"
    >
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-24 text-left font-medium text-slate-500">
            {labels.likelihood} ↓ / {labels.impact} →
          </th>
          {gridSteps.map((impact) => (
            <th key={impact} scope="col" className="font-medium text-slate-600">
              {labels.impact} {impact}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...gridSteps].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row" className="text-left font-medium text-slate-600">
              {labels.likelihood} {likelihood}
            </th>
            {gridSteps.map((impact) => {
              const level = riskLevel(likelihood * impact);
              const count = countAt(likelihood, impact);
              return (
                <td
                  key={impact}
                  className={cn("rounded px-1 py-2", cellTone[level])}
                  data-testid={`heat-${likelihood}-${impact}`}
                >
                  <span className="block text-[11px]">{labels.level(level)}</span>
                  <span
                    className={cn(
                      "block text-base tabular-nums",
                      count > 0 ? "font-semibold" : "opacity-50",
                    )}
                    aria-label={labels.count(count)}
                  >
                    {count}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
