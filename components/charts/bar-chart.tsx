const fills = {
  green: "fill-emerald-500",
  amber: "fill-amber-400",
  orange: "fill-orange-500",
  red: "fill-red-600",
  blue: "fill-brand-600",
  slate: "fill-slate-400",
} as const;

export type BarTone = keyof typeof fills;

export interface Bar {
  label: string;
  value: number;
  tone: BarTone;
}

interface Props {
  /** The table's caption and the drawing's tooltip. */
  title: string;
  bars: Bar[];
  /** Column headers of the table that screen readers read instead of the drawing. */
  categoryLabel: string;
  valueLabel: string;
}

const ROW = 34;
const BAR = 20;
const LABEL_WIDTH = 64;
const WIDTH = 360;
const VALUE_SPACE = 36;

/**
 * A small horizontal bar chart in plain SVG: no chart library, no client JavaScript. Assistive
 * technology skips the drawing and reads the same numbers from a visually hidden table instead.
 */
export function BarChart({ title, bars, categoryLabel, valueLabel }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_SPACE) / max;
  const height = bars.length * ROW;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" aria-hidden="true">
        <title>{title}</title>
        {bars.map((bar, i) => {
          const y = i * ROW + (ROW - BAR) / 2;
          const width = Math.max(bar.value > 0 ? 3 : 0, bar.value * scale);
          return (
            <g key={bar.label}>
              <text
                x={LABEL_WIDTH - 10}
                y={y + BAR / 2}
                dominantBaseline="central"
                textAnchor="end"
                className="fill-slate-600 text-[12px]"
              >
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={WIDTH - LABEL_WIDTH - VALUE_SPACE}
                height={BAR}
                rx={4}
                className="fill-slate-100"
              />
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={width}
                height={BAR}
                rx={4}
                className={fills[bar.tone]}
              />
              <text
                x={LABEL_WIDTH + width + 6}
                y={y + BAR / 2}
                dominantBaseline="central"
                className="fill-slate-800 text-[12px] font-semibold tabular-nums"
              >
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
