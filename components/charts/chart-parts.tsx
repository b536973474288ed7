/**
 * What every chart draws beside its drawing: a legend (for sighted readers; the drawing is hidden
 * from screen readers) and the same figures as a table only screen readers read.
 */
export function ChartLegend({
  items,
  swatch,
}: {
  items: Array<{ label: string; fill: string }>;
  /** A square for bars, a short line for lines. */
  swatch: "square" | "line";
}) {
  const [width, height] = swatch === "square" ? [10, 10] : [12, 4];
  return (
    <figcaption
      className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600"
      aria-hidden="true"
    >
      {items.map((item) => (
        <span key={item.label} className="inline-flex items-center gap-1.5">
          <svg width={width} height={height} aria-hidden="true">
            <rect width={width} height={height} rx="2" className={item.fill} />
          </svg>
          {item.label}
        </span>
      ))}
    </figcaption>
  );
}

/** The chart's figures as a table for screen readers: one row per x label, one column per series. */
export function ChartTable({
  title,
  xTitle,
  xLabels,
  columns,
}: {
  title: string;
  xTitle: string;
  xLabels: string[];
  columns: Array<{ label: string; cells: Array<string | number> }>;
}) {
  return (
    // A table ignores width: 1px, so the visually hidden box is a div around it.
    <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xTitle}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {xLabels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((c) => (
                <td key={c.label}>{c.cells[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
