export const csvEncodings = ["utf-8", "gb18030"] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/**
 * The file's text. UTF-8 is checked strictly: a file saved in another encoding (Excel on Chinese
 * Windows writes GBK unless told "CSV UTF-8") is refused rather than imported as mojibake. GB18030,
 * a superset of GBK, is read only when the person says the file is in it.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    // U+0000 never appears in a text file: a spreadsheet's binary format (xlsx, xls) was uploaded.
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}
