import { ChartLegend, ChartTable } from "./chart-parts";

const strokes = [
  "stroke-brand-600",
  "stroke-emerald-500",
  "stroke-amber-500",
  "stroke-red-500",
  "stroke-violet-500",
  "stroke-slate-500",
  "stroke-cyan-600",
  "stroke-pink-500",
  "stroke-lime-600",
];
const fills = [
  "fill-brand-600",
  "fill-emerald-500",
  "fill-amber-500",
  "fill-red-500",
  "fill-violet-500",
  "fill-slate-500",
  "fill-cyan-600",
  "fill-pink-500",
  "fill-lime-600",
];

export interface LineSeries {
  label: string;
  /** One value per x label; null leaves a gap (nothing to measure that period). */
  values: Array<number | null>;
}

interface Props {
  /** The table's caption and the drawing's tooltip. */
  title: string;
  xLabels: string[];
  series: LineSeries[];
  /** The y axis runs from 0 to this (e.g. 1 for rates); defaults to the largest value. */
  yMax?: number;
  format: (value: number) => string;
  /** Header of the first column of the table screen readers read instead of the drawing. */
  xTitle: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 24;
const TOP = 10;
const BOTTOM = 28;

/**
 * A small multi-series line chart in plain SVG, no client JavaScript, with a legend. Assistive
 * technology skips the drawing and reads the same numbers from a visually hidden table.
 */
export function LineChart({ title, xLabels, series, yMax, format, xTitle }: Props) {
  const largest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  // Counts: an even ceiling (at least 2) so the middle gridline is a whole number too.
  const max =
    yMax !== undefined ? Math.max(yMax, largest) : Math.max(2, Math.ceil(largest / 2) * 2);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) =>
    LEFT + (xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (xLabels.length - 1));
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const ticks = [0, 0.5, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(xLabels.length / 7));

  // Consecutive non-null values form one segment; a null breaks the line.
  const segments = (values: Array<number | null>) => {
    const out: Array<Array<[number, number]>> = [];
    let current: Array<[number, number]> = [];
    values.forEach((v, i) => {
      if (v === null) {
        if (current.length) out.push(current);
        current = [];
      } else current.push([x(i), y(v)]);
    });
    if (current.length) out.push(current);
    return out;
  };

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true">
        <title>{title}</title>
        {ticks.map((t) => (
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
              {format(t)}
            </text>
          </g>
        ))}
        {xLabels.map(
          (label, i) =>
            (i % every === 0 || i === xLabels.length - 1) && (
              <text
                key={label}
                x={x(i)}
                y={HEIGHT - 8}
                textAnchor="middle"
                className="fill-slate-500 text-[11px] tabular-nums"
              >
                {label}
              </text>
            ),
        )}
        {series.map((s, si) => (
          <g key={s.label}>
            {segments(s.values).map((points, k) => (
              <polyline
                key={k}
                points={points.map(([px, py]) => `${px},${py}`).join(" ")}
                fill="none"
                strokeWidth={2}
                strokeLinejoin="round"
                className={strokes[si % strokes.length]}
              />
            ))}
            {s.values.map(
              (v, i) =>
                v !== null && (
                  <circle
                    key={i}
                    cx={x(i)}
                    cy={y(v)}
                    r={2.5}
                    className={fills[si % fills.length]}
                  />
                ),
            )}
          </g>
        ))}
      </svg>
      <ChartLegend
        swatch="line"
        items={series.map((s, si) => ({ label: s.label, fill: fills[si % fills.length] }))}
      />
      <ChartTable
        title={title}
        xTitle={xTitle}
        xLabels={xLabels}
        columns={series.map((s) => ({
          label: s.label,
          cells: s.values.map((v) => (v === null ? "—" : format(v))),
        }))}
      />
    </figure>
  );
}
