import { isBlankRecord, parseCsv, type CsvRecord } from "./csv-parse";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 100_000;

export const fileProblems = [
  "tooLarge",
  "notText",
  "empty",
  "noHeader",
  "duplicateColumns",
  "noRows",
  "tooManyRows",
] as const;
export type FileProblem = (typeof fileProblems)[number];

export interface CsvFile {
  headers: string[];
  /** The data records that have content, in file order. */
  rows: CsvRecord[];
}

// A header is a name; a cell with an "@" or a run of digits is a value (an email, a phone, an ID).
const looksLikeValue = (cell: string) => /@|\d{6,}/.test(cell);

/**
 * Reads an import file: a header row naming the columns, then at least one data row. A first row
 * that holds values is refused: the column names would otherwise show personal data unmasked.
 */
export function readCsvFile(text: string): CsvFile | { problem: FileProblem } {
  const records = parseCsv(text).filter((r) => !isBlankRecord(r.cells));
  if (records.length === 0) return { problem: "empty" };
  const [head, ...rows] = records;
  const headers = head.cells.map((h) => h.trim());
  if (headers.some(looksLikeValue)) return { problem: "noHeader" };
  const named = headers.filter((h) => h !== "");
  if (new Set(named).size !== named.length) return { problem: "duplicateColumns" };
  if (rows.length === 0) return { problem: "noRows" };
  if (rows.length > MAX_ROWS) return { problem: "tooManyRows" };
  return { headers, rows };
}
