import { ChartLegend, ChartTable } from "./chart-parts";

const fills = [
  "fill-brand-600",
  "fill-emerald-500",
  "fill-amber-400",
  "fill-red-500",
  "fill-violet-500",
  "fill-cyan-600",
  "fill-pink-500",
  "fill-lime-600",
  "fill-orange-500",
  "fill-slate-500",
];

export interface StackSeries {
  label: string;
  /** One count per column. */
  values: number[];
}

interface Props {
  /** The table's caption and the drawing's tooltip. */
  title: string;
  /** One label per column (e.g. the week). */
  xLabels: string[];
  /** Bottom to top; each column's segments add up to its total. */
  series: StackSeries[];
  /** Header of the first column of the table screen readers read instead of the drawing. */
  xTitle: string;
  /** Header of the table's total column. */
  totalLabel: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 36;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 28;

/** A whole-number ceiling with a whole middle tick: 2, 4, 6, 10, 20, 40, 60, 100… */
function niceMax(largest: number): number {
  if (largest <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  const step = [1, 2, 4, 6, 10].find((f) => f * magnitude >= largest)!;
  return step * magnitude;
}

/**
 * Counts per column as stacked bars with the column's total on top, in plain SVG with no client
 * JavaScript and a legend. Assistive technology reads the same numbers from a hidden table.
 */
export function StackedBarChart({ title, xLabels, series, xTitle, totalLabel }: Props) {
  const totals = xLabels.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / Math.max(1, xLabels.length);
  const bar = Math.min(36, slot * 0.7);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const every = Math.max(1, Math.ceil(xLabels.length / 7));

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true">
        <title>{title}</title>
        {[0, max / 2, max].map((t) => (
          <g key={t}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(t)}
              y2={y(t)}
              className="stroke-slate-200"
              strokeDasharray={t === 0 ? undefined : "3 3"}
            />
            <text
              x={LEFT - 6}
              y={y(t)}
              textAnchor="end"
              dominantBaseline="central"
              className="fill-slate-500 text-[11px] tabular-nums"
            >
              {t}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) => {
          const x = LEFT + i * slot + (slot - bar) / 2;
          let base = 0;
          return (
            <g key={label}>
              {series.map((s, si) => {
                const v = s.values[i] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const height = y(base) - top;
                base += v;
                return (
                  <rect
                    key={s.label}
                    x={x}
                    y={top}
                    width={bar}
                    height={height}
                    className={fills[si % fills.length]}
                  />
                );
              })}
              {totals[i] > 0 && (
                <text
                  x={x + bar / 2}
                  y={y(totals[i]) - 4}
                  textAnchor="middle"
                  className="fill-slate-700 text-[11px] font-semibold tabular-nums"
                >
                  {totals[i]}
                </text>
              )}
              {(i % every === 0 || i === xLabels.length - 1) && (
                <text
                  x={x + bar / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  className="fill-slate-500 text-[11px] tabular-nums"
                >
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartLegend
        swatch="square"
        items={series.map((s, si) => ({ label: s.label, fill: fills[si % fills.length] }))}
      />
      <ChartTable
        title={title}
        xTitle={xTitle}
        xLabels={xLabels}
        columns={[
          ...series.map((s) => ({
            label: s.label,
            cells: xLabels.map((_, i) => s.values[i] ?? 0),
          })),
          { label: totalLabel, cells: totals },
        ]}
      />
    </figure>
  );
}
