import { describe, expect, it } from "vitest";
import {
  maskAddress,
  maskBirthDate,
  maskEmail,
  maskName,
  maskNationalId,
  maskPhone,
} from "@/lib/customers/mask";

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧***"],
    ["李", "*"],
    [" 王小明 ", "王**"],
    ["John Smith", "J***"],
    ["Bo", "B***"],
    ["Ng", "N***"],
    ["", "*"],
  ])("%j → %s", (input, expected) => expect(maskName(input)).toBe(expected));
});

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["+86 138-1234-5678", "138****5678"],
    ["0086 13812345678", "138****5678"],
    ["+1 (415) 555-2671", "+*******2671"],
    ["+852 9123 4567", "+*******4567"],
    ["not a phone", "****"],
  ])("%j → %s", (input, expected) => expect(maskPhone(input)).toBe(expected));
});

describe("maskEmail", () => {
  it.each([
    ["alice@example.com", "a***@example.com"],
    ["Zhang.San@Example.COM", "z***@example.com"],
    ["ab@example.com", "a***@example.com"],
    ["a@example.com", "***@example.com"],
    ["nobody", "***"],
  ])("%j → %s", (input, expected) => expect(maskEmail(input)).toBe(expected));
});

describe("maskNationalId", () => {
  it.each([
    ["320102199003071234", "3201**********1234"],
    ["11010519491231002x", "1101**********002X"],
    ["320102900307123", "3201*******7123"],
    ["E12345678", "*******78"],
    ["A12", "***"],
    ["  ", "*"],
  ])("%j → %s", (input, expected) => expect(maskNationalId(input)).toBe(expected));

  it("never shows the birth date of an 18-digit ID", () => {
    expect(maskNationalId("320102199003071234")).not.toContain("19900307");
  });
});

describe("address and birth date masks", () => {
  it("keeps the province of a Chinese address and nothing of others", () => {
    expect(maskAddress("江苏省南京市玄武区中山路1号")).toBe("江苏省****");
    expect(maskAddress("1 Main Street, Springfield")).toBe("****");
    expect(maskAddress("北京")).toBe("****");
  });
  it("keeps only the year of a birth date", () => {
    expect(maskBirthDate("1990-05-17")).toBe("1990-**-**");
    expect(maskBirthDate("not a date")).toBe("****-**-**");
  });
});
