import { describe, expect, it } from "vitest";
import { buildDataMap, type MapInput } from "./data-map";
import { fit, renderDataMapSvg, type MapLabels } from "./data-map-svg";

const labels: MapLabels = {
  title: "数据地图",
  columns: { system: "系统", vendor: "供应商", country: "国家或地区" },
  edges: { hosting: "托管于", sharing: "提供", location: "存储于", crossBorder: "出境" },
  kind: (code) => `kind:${code}`,
  category: (code) => `cat:${code}`,
  country: (code) => `country:${code}`,
  home: "中国大陆",
  abroad: "境外",
  empty: "暂无可绘制的内容",
};

const input: MapInput = {
  home: "CN",
  systems: [
    {
      id: "s1",
      name: '<script>alert("x")</script>',
      kind: "database",
      country: "CN",
      vendorId: "v1",
      dataCategories: ["contact", "transactions"],
      purposeIds: ["p1"],
    },
    {
      id: "s2",
      name: "短信网关",
      kind: "service",
      country: "CN",
      vendorId: null,
      dataCategories: ["contact"],
      purposeIds: [],
    },
  ],
  vendors: [{ id: "v1", name: "Amazon Web Services", service: "灾备", country: "SG" }],
  purposes: [
    {
      id: "p1",
      code: "cross_border_storage",
      name: { "zh-CN": "境外存储", en: "Storage abroad" },
      dataCategories: ["contact"],
      recipientVendorIds: ["v1"],
    },
  ],
};

describe("the data map drawing", () => {
  it("draws every node and flow, escapes names, and marks what leaves the country", () => {
    const svg = renderDataMapSvg(buildDataMap(input), labels);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    for (const text of ["短信网关", "Amazon Web Services", "country:SG", "country:CN", "境外"])
      expect(svg).toContain(text);
    // Hosting and sharing abroad are drawn in the cross-border colour; the home rest is not.
    expect(svg.match(/stroke="#e11d48" stroke-width="2.5"/g)?.length).toBe(3);
    expect(svg.match(/<path /g)?.length).toBe(buildDataMap(input).edges.length);
  });

  it("keeps only the flows of a category or a purpose", () => {
    const byCategory = buildDataMap(input, { category: "transactions" });
    expect(byCategory.nodes.map((n) => n.key).sort()).toEqual([
      "country:CN",
      "country:SG",
      "system:s1",
      "vendor:v1",
    ]);
    const byPurpose = buildDataMap(input, { purpose: "p1" });
    expect(byPurpose.edges.filter((e) => e.kind === "sharing")).toHaveLength(1);
    expect(byPurpose.nodes.some((n) => n.key === "system:s2")).toBe(false);
  });

  it("says so when there is nothing to draw", () => {
    expect(renderDataMapSvg({ nodes: [], edges: [] }, labels)).toContain("暂无可绘制的内容");
  });

  it("cuts a long label to its width with an ellipsis", () => {
    expect(fit("短信网关", 13, 200)).toBe("短信网关");
    const cut = fit("一二三四五六七八九十一二三四五六七八九十", 10, 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(8);
  });
});
