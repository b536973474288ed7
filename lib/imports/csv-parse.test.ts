import { describe, expect, it } from "vitest";
import { readCsvFile } from "./csv-file";
import { parseCsv } from "./csv-parse";
import { decodeCsv } from "./decode";

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe("parseCsv", () => {
  it("splits plain fields and records, with or without a final line break", () => {
    expect(cells("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    expect(cells("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("reads CRLF, LF and lone CR line breaks alike", () => {
    expect(cells("a,b\r\n1,2\r\n3,4\r5,6")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });
  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    expect(cells('name,note\r\n"Li, Na","she said ""hi""\r\nthen left"\r\n')).toEqual([
      ["name", "note"],
      ["Li, Na", 'she said "hi"\r\nthen left'],
    ]);
  });
  it("numbers records as a spreadsheet does, not lines", () => {
    expect(parseCsv('h\n"a\nb"\nc\n').map((r) => r.row)).toEqual([1, 2, 3]);
  });
  it("drops a byte-order mark and keeps empty fields", () => {
    expect(cells("\uFEFF用户ID,手机号\r\nu-1,\r\n,\r\n")).toEqual([
      ["用户ID", "手机号"],
      ["u-1", ""],
      ["", ""],
    ]);
  });
  it("keeps ragged rows as they are", () => {
    expect(cells("a,b,c\n1\n1,2,3,4\n")).toEqual([["a", "b", "c"], ["1"], ["1", "2", "3", "4"]]);
  });
  it("is lenient with stray quotes and an unterminated quote", () => {
    expect(cells('a,b"c\n"open,x')).toEqual([["a", 'b"c'], ["open,x"]]);
    expect(cells('"",x')).toEqual([["", "x"]]);
  });
});

describe("decodeCsv", () => {
  const utf8 = new TextEncoder().encode("\uFEFF姓名\n张三\n");
  const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // 姓名\n张三\n in GBK

  it("reads UTF-8 and drops its BOM", () => expect(decodeCsv(utf8, "utf-8")).toBe("姓名\n张三\n"));
  it("refuses GBK bytes read as UTF-8, and reads them as GB18030 when told", () => {
    expect(decodeCsv(gbk, "utf-8")).toBeNull();
    expect(decodeCsv(gbk, "gb18030")).toBe("姓名\n张三\n");
  });
  it("refuses binary files (a spreadsheet's own format)", () => {
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "utf-8")).toBeNull();
  });
});

describe("readCsvFile", () => {
  it("splits the header from the data rows and skips blank records", () => {
    expect(readCsvFile("用户ID, 手机号 \n\nu-1,13800138000\n,\n")).toEqual({
      headers: ["用户ID", "手机号"],
      rows: [{ row: 3, cells: ["u-1", "13800138000"] }],
    });
  });
  it.each([
    ["", "empty"],
    ["\n\n", "empty"],
    ["u-1,13800138000\nu-2,13900139000\n", "noHeader"],
    ["id,zhang@example.com\n", "noHeader"],
    ["phone,phone\n1,2\n", "duplicateColumns"],
    ["用户ID,手机号\n", "noRows"],
  ])("refuses %j as %s", (text, problem) => expect(readCsvFile(text)).toEqual({ problem }));
  it("allows unnamed columns (a spreadsheet's trailing empty column)", () => {
    expect(readCsvFile("id,,\n1,,\n")).toMatchObject({ headers: ["id", "", ""] });
  });
  it("refuses more than 100,000 rows", () => {
    expect(readCsvFile(`id\n${"x\n".repeat(100_001)}`)).toEqual({ problem: "tooManyRows" });
    expect(readCsvFile(`id\n${"x\n".repeat(100_000)}`)).toHaveProperty("rows");
  });
});
