import type { Key, ReactNode } from "react";
import { cn } from "./cn";
import { EmptyState } from "./empty-state";

/** One column: its header, how a row renders in it, and how its cells sit. */
export interface RecordColumn<Row> {
  /** React key for the column; defaults to its position. */
  id?: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** A Tailwind width class for the column, e.g. `w-20`. */
  width?: string;
  /** Extra classes for every body cell of the column (text colour, font, wrapping…). */
  className?: string;
  /** Render the body cells as row headers (`<th scope="row">`): the column names the row. */
  rowHeader?: boolean;
  /** A `data-testid` on every body cell of the column. */
  testId?: string;
}

/**
 * `panel`: a list standing on its own (white, framed, with a header band).
 * `inset`: a table inside a `Card`, running to the card's side edges; `flush` runs it to the top
 * and bottom edges too, for a card that holds nothing else; `dense` tightens the rows of a small summary.
 */
type Look =
  | { variant: "panel"; flush?: never; dense?: never }
  | { variant: "inset"; flush?: boolean; dense?: boolean };

/** The table is named by a (screen-reader only) caption, or by a visible heading's id. */
type Name = { caption: string; labelledBy?: never } | { caption?: never; labelledBy: string };

type Props<Row> = Look &
  Name & {
    columns: Array<RecordColumn<Row>>;
    rows: Row[];
    rowKey: (row: Row, index: number) => Key;
    rowClassName?: (row: Row) => string | undefined;
    rowTestId?: (row: Row) => string;
    /** Shown instead of the table when there are no rows: an `EmptyState` in a panel, a quiet line in a card. */
    empty?: { title: string; body?: string; action?: ReactNode };
    testId?: string;
  };

const looks = {
  panel: {
    frame: "overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200",
    head: "bg-slate-50",
    th: "px-3 py-2 text-xs font-semibold whitespace-nowrap uppercase tracking-wide text-slate-500",
    td: "px-3 py-2",
    divide: "divide-slate-200",
  },
  inset: {
    frame: "-mx-4 overflow-x-auto",
    head: undefined,
    th: "px-4 py-2 text-xs font-medium whitespace-nowrap text-slate-500",
    td: "px-4 py-2.5",
    divide: "divide-slate-100",
  },
  dense: {
    frame: "-mx-4 overflow-x-auto",
    head: undefined,
    th: "px-4 py-1 text-xs font-medium whitespace-nowrap text-slate-500",
    td: "px-4 py-1.5",
    divide: "divide-slate-100",
  },
} as const;

const alignClass = (align: "left" | "right" = "left") =>
  align === "right" ? "text-right" : "text-left";

/**
 * The console's read-only table: semantic header cells with `scope`, a name for assistive
 * technology, and one look per placement. Server-compatible: it holds no state, so cell
 * renderers run wherever the caller renders.
 */
export function RecordTable<Row>(props: Props<Row>) {
  const { columns, rows, rowKey, rowClassName, rowTestId, empty, testId, variant } = props;
  const look = looks[props.dense ? "dense" : variant];
  if (rows.length === 0 && empty) {
    return variant === "panel" ? (
      <EmptyState {...empty} />
    ) : (
      <p className="text-sm text-slate-500">{empty.title}</p>
    );
  }
  return (
    <div className={cn(look.frame, props.flush && "-my-4")}>
      <table
        className={cn("min-w-full divide-y text-sm", look.divide)}
        aria-labelledby={props.labelledBy}
        data-testid={testId}
      >
        {props.caption && <caption className="sr-only">{props.caption}</caption>}
        <thead className={look.head}>
          <tr>
            {columns.map((column, i) => (
              <th
                key={column.id ?? i}
                scope="col"
                className={cn(look.th, alignClass(column.align), column.width)}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            <tr
              key={rowKey(row, index)}
              className={rowClassName?.(row)}
              data-testid={rowTestId?.(row)}
            >
              {columns.map((column, i) => {
                const className = cn(
                  look.td,
                  alignClass(column.align),
                  column.width,
                  column.className,
                );
                return column.rowHeader ? (
                  <th
                    key={column.id ?? i}
                    scope="row"
                    className={className}
                    data-testid={column.testId}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id ?? i} className={className} data-testid={column.testId}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
