import { describe, expect, it } from "vitest";

import {
  inkDistance,
  inkMap,
  inkShare,
  pageCount,
  renderPage,
  type RenderedPage,
} from "@/tests/pdf-page-image";

import { renderPdf } from "./index";
import type { PdfSpec } from "./spec";

const at = new Date("2026-12-08T01:30:00Z");
const TITLE = "网络安全事件报告";

const spec = (over: Partial<PdfSpec> = {}): PdfSpec => ({
  title: TITLE,
  subtitle: "示例团购转让平台 · INC-2026-0001",
  locale: "zh-CN",
  generatedAt: at,
  blocks: [
    { kind: "heading", text: "一、事件基本情况" },
    { kind: "paragraph", text: "客户手机号码被未授权访问。Phone numbers were accessed." },
    {
      kind: "keyValue",
      rows: [
        ["影响人数", "1,200,000"],
        ["直接经济损失", null],
      ],
    },
  ],
  ...over,
});

/** The ink maps of `text`'s characters where they were drawn on the page. */
function glyphs(page: RenderedPage, text: string) {
  const start = page.chars
    .map((c) => c.char)
    .join("")
    .indexOf(text);
  expect(start, `"${text}" is placed on the page`).toBeGreaterThanOrEqual(0);
  return page.chars.slice(start, start + [...text].length).map((c) => inkMap(page, c.box));
}

/** Distinct characters drawn with their own glyphs have distinct pictures; tofu boxes do not. */
function minPairDistance(maps: number[][]) {
  let min = Infinity;
  for (let i = 0; i < maps.length; i++)
    for (let j = i + 1; j < maps.length; j++) min = Math.min(min, inkDistance(maps[i], maps[j]));
  return min;
}

describe("renderPdf", () => {
  it("draws Chinese with real glyphs: each character inked, each different, text extractable", async () => {
    const page = renderPage(await renderPdf(spec()));
    expect(page.text).toContain(TITLE);
    expect(page.text).toContain("一、事件基本情况");
    const maps = glyphs(page, TITLE);
    expect(maps).toHaveLength(8);
    for (const map of maps) expect(inkShare(map)).toBeGreaterThan(0.05);
    expect(minPairDistance(maps)).toBeGreaterThan(0.05);
    expect(page.chars.find((c) => c.char === "网")?.font).toMatch(/^[A-Z]{6}\+NotoSansSC/);
  });

  it("would catch tofu: characters the font lacks render as identical boxes", async () => {
    // Private-use code points have no glyph in Noto Sans SC, so each is drawn as .notdef.
    const missing = "\uE000\uE001\uE002\uE003";
    const page = renderPage(
      await renderPdf(spec({ blocks: [{ kind: "paragraph", text: missing }] })),
    );
    // They extract as U+FFFD, the replacement character: the text layer says so too.
    const maps = glyphs(page, "\uFFFD".repeat(4));
    for (const map of maps) expect(inkShare(map)).toBeGreaterThan(0.02);
    expect(minPairDistance(maps)).toBeLessThan(0.01);
  });

  it("embeds only the glyphs used, so a page stays small", async () => {
    const pdf = await renderPdf(spec());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The regular and bold font files are about 10 MB each.
    expect(pdf.length).toBeLessThan(60_000);
  });

  it("numbers every page and prints the generation time in the organisation's zone", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`INC-${i}`, "数据泄露", null]);
    const pdf = await renderPdf(
      spec({
        footerNote: "机密",
        blocks: [
          {
            kind: "table",
            columns: [{ label: "编号" }, { label: "类型" }, { label: "通知" }],
            rows,
          },
        ],
      }),
    );
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    const last = renderPage(pdf, pages - 1);
    expect(last.text).toContain(`第 ${pages} / ${pages} 页`);
    expect(last.text).toContain("机密 · 生成于 2026-12-08 09:30 GMT+8");
    // The header row is repeated on each page the table spans.
    expect(renderPage(pdf, 1).text).toContain("编号");
    expect(last.text).toContain("INC-59");
  });

  it("speaks English in the footer of an English document", async () => {
    const page = renderPage(await renderPdf(spec({ locale: "en", title: "Breach notification" })));
    expect(page.text).toContain("Page 1 of 1");
    expect(page.text).toContain("Generated 2026-12-08 09:30 GMT+8");
  });
});
