/** Byte-order mark: spreadsheet software then reads the file as UTF-8 (Chinese text intact). */
export const CSV_BOM = "\uFEFF";

// A cell starting with one of these is run as a formula by spreadsheet software (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One quoted cell; text that would start a formula is prefixed with an apostrophe. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text =
    typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
