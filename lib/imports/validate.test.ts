import { describe, expect, it } from "vitest";
import { readCsvFile, type CsvFile } from "./csv-file";
import { guessMapping } from "./fields";
import { previewRows } from "./preview";
import { parseMessageKey } from "./row-errors";
import { rowInput, validateRows } from "./validate";

const csv = [
  "用户ID,姓名,手机号,邮箱,身份证号,出生日期,适用法律,实名认证",
  'u-1,张三,138 1234 5678,zhang@example.com,11010519491231002X,1949/12/31,"PIPL, GDPR",是',
  "u-2,李四,12345,li@example.com,,,,否",
  "u-3,王五,13900001111,not-an-email,110105194912310021,,HIPAA,",
  "u-1,张三三,13800000000,,,,,",
  "u-4,赵六,13700001111,,,,,,surplus",
  ",无名,13600001111,,,,,",
].join("\n");
const file = readCsvFile(csv) as CsvFile;
const mapping = guessMapping(file.headers);

describe("validateRows", () => {
  const report = validateRows(file.rows, file.headers.length, mapping);

  it("accepts valid rows, read as spreadsheets write them", () => {
    expect(report.valid).toEqual([
      {
        row: 2,
        input: {
          externalRef: "u-1",
          displayName: "张三",
          phone: "+8613812345678",
          email: "zhang@example.com",
          nationalId: "11010519491231002X",
          birthDate: "1949-12-31",
          laws: ["PIPL", "GDPR"],
          realNameVerified: true,
        },
      },
    ]);
    expect(report.invalidRows).toBe(5);
  });

  it("lists every problem by row and field with a message key, never the value", () => {
    expect(report.errors.map((e) => [e.row, e.field, parseMessageKey(e.message).key])).toEqual([
      [3, "phone", "errors.phoneFormat"],
      [4, "email", "errors.email"],
      [4, "nationalId", "errors.nationalIdFormat"],
      [4, "laws", "errors.choice"],
      [5, "externalRef", "imports.rowErrors.duplicateRef"],
      [6, "_row", "imports.rowErrors.extraCells"],
      [7, "externalRef", "errors.required"],
    ]);
    expect(parseMessageKey(report.errors[4].message).values).toEqual({ row: "2" });
    expect(JSON.stringify(report.errors)).not.toMatch(
      /12345|not-an-email|110105|HIPAA|surplus|李四/,
    );
  });

  it("imports only mapped fields: a column left out is not read", () => {
    const { valid } = validateRows(file.rows, file.headers.length, {
      externalRef: 0,
      displayName: 1,
    });
    expect(valid.map((v) => v.row)).toEqual([2, 3, 4]);
    expect(valid[0].input).toEqual({ externalRef: "u-1", displayName: "张三" });
  });

  it("refuses every row when no column is mapped to the external ID", () => {
    const { valid, errors } = validateRows(file.rows, file.headers.length, { phone: 2 });
    expect(valid).toEqual([]);
    expect(errors.filter((e) => e.field === "externalRef").map((e) => e.row)).toEqual([
      2, 3, 4, 5, 7,
    ]);
  });

  it("reads yes/no in both languages and pads dates", () => {
    expect(rowInput(["是", "no", "2001年2月3日"], { realNameVerified: 0, birthDate: 2 })).toEqual({
      realNameVerified: "true",
      birthDate: "2001-02-03",
    });
    expect(rowInput(["FALSE"], { realNameVerified: 0 })).toEqual({ realNameVerified: "false" });
  });
});

describe("previewRows", () => {
  it("masks personal values as the customer list does", () => {
    expect(previewRows(file.rows, mapping, 2)).toEqual([
      {
        row: 2,
        values: {
          externalRef: "u-1",
          displayName: "张*",
          phone: "138****5678",
          email: "z***@example.com",
          nationalId: "1101**********002X",
          birthDate: "1949-**-**",
          laws: "PIPL, GDPR",
          realNameVerified: "是",
        },
      },
      {
        row: 3,
        values: {
          externalRef: "u-2",
          displayName: "李*",
          phone: "****",
          email: "l***@example.com",
          nationalId: "",
          birthDate: "",
          laws: "",
          realNameVerified: "否",
        },
      },
    ]);
  });
});
