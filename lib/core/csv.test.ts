import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("quotes every cell and doubles inner quotes", () => {
    expect(csvRow(["a", 'say "hi"', 3, null, "x,y\nz"])).toBe(
      '"a","say ""hi""","3","","x,y\nz"\r\n',
    );
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}cmd|' /C calc'!A0`)).toBe(`"'${start}cmd|' /C calc'!A0"`);
    expect(csvCell("供应商")).toBe('"供应商"');
    expect(csvCell(-5)).toBe('"-5"');
  });
});
