import type { Record_ } from "./collect";

// A cell a spreadsheet would run as a formula starts with one of these: prefixed with a quote.
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Chinese correctly). */
export function toCsv(rows: Record_[], columns?: string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [
    header.map(cell).join(","),
    ...rows.map((row) => header.map((column) => cell(row[column])).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
