import { describe, expect, it } from "vitest";
import { guessMapping, mappingFromHeaders, mappingToHeaders } from "./fields";

describe("guessMapping", () => {
  it("recognises Chinese header names", () => {
    expect(
      guessMapping([
        "用户ID",
        "姓名",
        "手机号",
        "邮箱",
        "身份证号",
        "地址",
        "出生日期",
        "地区",
        "适用法律",
        "实名认证",
      ]),
    ).toEqual({
      externalRef: 0,
      displayName: 1,
      phone: 2,
      email: 3,
      nationalId: 4,
      address: 5,
      birthDate: 6,
      region: 7,
      laws: 8,
      realNameVerified: 9,
    });
  });
  it("recognises English names however they are cased or separated", () => {
    expect(
      guessMapping(["External_Ref", "Mobile", "E-mail", "Birth Date", "National ID", "notes"]),
    ).toEqual({
      externalRef: 0,
      phone: 1,
      email: 2,
      birthDate: 3,
      nationalId: 4,
    });
    expect(guessMapping([" 手机 ", "name", "Phone"])).toEqual({ phone: 0, displayName: 1 });
  });
  it("maps nothing it does not know", () => expect(guessMapping(["备注", "", "x"])).toEqual({}));
});

describe("stored mapping", () => {
  it("round-trips through header names, dropping names the file lacks", () => {
    const headers = ["用户ID", "备注", "手机号"];
    const stored = mappingToHeaders({ externalRef: 0, phone: 2 }, headers);
    expect(stored).toEqual({ externalRef: "用户ID", phone: "手机号" });
    expect(mappingFromHeaders(stored, headers)).toEqual({ externalRef: 0, phone: 2 });
    expect(mappingFromHeaders({ ...stored, email: "邮箱" }, ["手机号", "用户ID"])).toEqual({
      externalRef: 1,
      phone: 0,
    });
  });
});
