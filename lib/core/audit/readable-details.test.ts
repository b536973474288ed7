import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN/audit.json";
import { readableDetails } from "./readable-details";

const label = {
  key: (k: string) => (zh.detailKeys as Record<string, string>)[k],
  value: (v: string) => (zh.detailValues as Record<string, string>)[v],
};

describe("readableDetails", () => {
  it("puts a sign-in's factor and a request's status change in words", () => {
    expect(readableDetails({ factor: "none" }, label)).toEqual([
      { key: "factor", label: "第二因素", value: "无" },
    ]);
    expect(
      readableDetails({ from: "in_progress", to: "completed" }, label).map(
        (d) => `${d.label} ${d.value}`,
      ),
    ).toEqual(["原状态 处理中", "新状态 已完成"]);
  });

  it("keeps ids, numbers and unknown keys as recorded", () => {
    const id = "3f0c2b1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b";
    expect(
      readableDetails({ versionId: id, count: 3, fields: ["name", "headUserId"] }, label),
    ).toEqual([
      { key: "versionId", label: "versionId", value: id },
      { key: "count", label: "数量", value: "3" },
      { key: "fields", label: "字段", value: "name, headUserId" },
    ]);
  });
});
