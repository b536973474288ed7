import { customerInput, type CustomerInput } from "@/lib/customers/schemas";
import type { CsvRecord } from "./csv-parse";
import { importFields, type ColumnMapping } from "./fields";
import { messageKey, rowErrorsOf, type RowError } from "./row-errors";

const YES = new Set(["是", "已认证", "已实名", "true", "yes", "y", "1"]);
const NO = new Set(["否", "未认证", "未实名", "false", "no", "n", "0"]);

/** Spreadsheet spellings → what the customer schema reads. Values it cannot read are passed on for it to refuse. */
const readers: Partial<Record<(typeof importFields)[number], (cell: string) => unknown>> = {
  laws: (cell) => {
    const laws = cell
      .normalize("NFKC")
      .toUpperCase()
      .split(/[\s,;、|]+/)
      .filter(Boolean);
    return laws.length > 0 ? laws : undefined;
  },
  realNameVerified: (cell) => {
    const value = cell.normalize("NFKC").trim().toLowerCase();
    return YES.has(value) ? "true" : NO.has(value) ? "false" : value;
  },
  birthDate: (cell) => {
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(
      cell.normalize("NFKC").trim(),
    );
    return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : cell;
  },
};

/** One cell as the customer schema reads it (a blank cell stays blank: "not given"). */
export const readCell = (field: (typeof importFields)[number], cell: string): unknown =>
  readers[field] && cell.trim() !== "" ? readers[field](cell) : cell;

/** One row's cells as the customer schema's input, under a mapping. */
export function rowInput(cells: string[], mapping: ColumnMapping): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of importFields) {
    const index = mapping[field];
    if (index === undefined) continue;
    raw[field] = readCell(field, cells[index] ?? "");
  }
  return raw;
}

export interface ValidRow {
  row: number;
  input: CustomerInput;
}

export interface ValidationReport {
  valid: ValidRow[];
  /** Every problem of every refused row (a row may have several). */
  errors: RowError[];
  invalidRows: number;
}

/**
 * Validates every row with the same schema the API and the console use. A row with more cells
 * than the header has columns is refused (its values would be misplaced), and so is a row repeating
 * an earlier row's external reference: which of the two is right cannot be known.
 */
export function validateRows(
  rows: CsvRecord[],
  columnCount: number,
  mapping: ColumnMapping,
): ValidationReport {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (cells.slice(columnCount).some((c) => c.trim() !== "")) {
      errors.push({
        row,
        field: "_row",
        message: messageKey("imports.rowErrors.extraCells", { columns: columnCount }),
      });
      continue;
    }
    const parsed = customerInput.safeParse(rowInput(cells, mapping));
    if (!parsed.success) {
      errors.push(...rowErrorsOf(row, parsed.error));
      continue;
    }
    const first = firstRowOf.get(parsed.data.externalRef);
    if (first !== undefined) {
      errors.push({
        row,
        field: "externalRef",
        message: messageKey("imports.rowErrors.duplicateRef", { row: first }),
      });
      continue;
    }
    firstRowOf.set(parsed.data.externalRef, row);
    valid.push({ row, input: parsed.data });
  }
  return { valid, errors, invalidRows: rows.length - valid.length };
}
