/** One record of a CSV file: its row number as a spreadsheet shows it (the header is row 1), and its cells. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * Parses CSV text as RFC 4180 describes it, and as spreadsheets write it: fields separated by
 * commas, records by CRLF or LF; a quoted field may hold commas, line breaks and doubled quotes.
 * Lenient where files in the wild are: a quote inside an unquoted field is kept as text, and an
 * unterminated quote runs to the end of the file. A leading byte-order mark is dropped.
 * Row numbers count records, not lines, so a cell with a line break does not shift them.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    records.push({ row: records.length + 1, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") endRecord();
    else if (ch === "\r") {
      if (text[i + 1] === "\n") i += 1;
      endRecord();
    } else cell += ch;
    i += 1;
  }
  // The last record needs no line break after it; a final line break ends no extra record.
  if (cell !== "" || cells.length > 0 || quoted) endRecord();
  return records;
}

/** A record with no content at all (an empty line, or only commas), skipped by the import. */
export const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === "");
